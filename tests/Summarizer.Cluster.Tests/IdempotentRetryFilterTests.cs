using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Messaging;
using Orleans.Serialization.Invocation;
using Summarizer.Contracts;
using Summarizer.Gateway;

namespace Summarizer.Cluster.Tests;

/// <summary>The gateway's retry filter, against a scripted call context (no cluster).</summary>
public sealed class IdempotentRetryFilterTests
{
    private static readonly MethodInfo Idempotent = typeof(IArticleGrain).GetMethod(nameof(IArticleGrain.GetInfoAsync))!;
    private static readonly MethodInfo NotMarked = typeof(ISummarizerGrain).GetMethod(nameof(ISummarizerGrain.SummarizeAsync))!;

    [Fact]
    public async Task Retries_an_idempotent_call_that_failed_because_a_silo_went_away_until_it_succeeds()
    {
        var context = new ScriptedCall(Idempotent, new SiloUnavailableException(), new ConnectionFailedException("connection lost"), new TimeoutException(), null);
        await Filter().Invoke(context);
        Assert.Equal(4, context.Attempts);
        Assert.Null(context.Response!.Exception);
    }

    [Fact]
    public async Task Does_not_retry_an_application_failure_even_of_an_idempotent_call()
    {
        var context = new ScriptedCall(Idempotent, new ArticleNotFoundException("x"), null);
        await Filter().Invoke(context);
        Assert.Equal(1, context.Attempts);
        Assert.IsType<ArticleNotFoundException>(context.Response!.Exception);
    }

    [Fact]
    public async Task Does_not_retry_a_method_not_marked_idempotent()
    {
        var context = new ScriptedCall(NotMarked, new SiloUnavailableException(), null);
        await Filter().Invoke(context);
        Assert.Equal(1, context.Attempts);
        Assert.IsType<SiloUnavailableException>(context.Response!.Exception);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_attempts_and_leaves_the_failure_to_the_caller()
    {
        var context = new ScriptedCall(Idempotent, Enumerable.Repeat<Exception?>(new SiloUnavailableException(), 10).ToArray());
        await Filter(maxAttempts: 3).Invoke(context);
        Assert.Equal(3, context.Attempts);
        Assert.IsType<SiloUnavailableException>(context.Response!.Exception);
    }

    private static IdempotentRetryFilter Filter(int maxAttempts = 8) => new(
        Options.Create(new SummarizerGatewayOptions { MaxAttempts = maxAttempts, FirstBackoffSeconds = 0.001, RetryBudgetSeconds = 10 }),
        SummarizerClock.Default,
        NullLogger<IdempotentRetryFilter>.Instance);

    /// <summary>A call whose n-th attempt fails with the n-th exception (null: succeeds).</summary>
    private sealed class ScriptedCall(MethodInfo method, params Exception?[] outcomes) : IOutgoingGrainCallContext
    {
        public int Attempts { get; private set; }

        public IInvokable Request => null!;

        public object Grain => null!;

        public GrainId? SourceId => null;

        public GrainId TargetId => default;

        public GrainInterfaceType InterfaceType => default;

        public string InterfaceName => method.DeclaringType!.Name;

        public string MethodName => method.Name;

        public MethodInfo InterfaceMethod => method;

        public object? Result { get; set; }

        public Response? Response { get; set; }

        public IGrainContext? SourceContext => null;

        public Task Invoke()
        {
            var outcome = outcomes[Math.Min(Attempts, outcomes.Length - 1)];
            Attempts++;
            Response = outcome is null ? Response.FromResult(42) : Response.FromException(outcome);
            return Task.CompletedTask;
        }
    }
}
