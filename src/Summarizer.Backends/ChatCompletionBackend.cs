using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Summarizer.Backends;

/// <summary>
/// A model backend: a Semantic Kernel chat-completion service (OpenAI, Azure OpenAI, an
/// OpenAI-compatible server, or Ollama through OllamaSharp) driven by the prompt templates. The
/// service's HttpClient carries the backend's resilience pipeline; this class renders prompts,
/// checks the model's output and reads token usage.
/// </summary>
public sealed class ChatCompletionBackend : ISummaryBackend
{
    private readonly IChatCompletionService _chat;
    private readonly PromptExecutionSettings _settings;
    private readonly PromptTemplates _prompts;
    private readonly SummarizerMetrics _metrics;

    public ChatCompletionBackend(
        string name, string provider, string model, IChatCompletionService chat,
        PromptExecutionSettings settings, BackendLimits limits, PromptTemplates prompts, SummarizerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        Provider = provider;
        Model = model;
        Limits = limits;
        _chat = chat;
        settings.Freeze(); // one instance for every call of this backend
        _settings = settings;
        _prompts = prompts;
        _metrics = metrics;
    }

    public string Name { get; }

    public string Provider { get; }

    public string? Model { get; }

    public string PromptVersion => _prompts.Version;

    public BackendLimits Limits { get; }

    public async Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await _chat.GetChatMessageContentAsync(History(request), _settings, kernel: null, cancellationToken);
        var sentences = ModelOutput.ParseBrief(reply.Content, request.Target.Sentences, Limits.MaxOutputTokens);
        return new SummaryAnswer(sentences, TokenUsageReader.From(reply.Metadata, reply.InnerContent));
    }

    public async IAsyncEnumerable<string> StreamAsync(SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TokenUsage? usage = null;
        var total = 0;
        var tags = new TagList { { "backend", Name }, { "provider", Provider } };
        await foreach (var chunk in _chat.GetStreamingChatMessageContentsAsync(History(request), _settings, kernel: null, cancellationToken))
        {
            usage = TokenUsageReader.From(chunk.Metadata, chunk.InnerContent) ?? usage;
            if (string.IsNullOrEmpty(chunk.Content))
            {
                continue;
            }

            total += chunk.Content.Length;
            if (total > Math.Max(2000, Limits.MaxOutputTokens * 8))
            {
                throw new ModelOutputException($"The model's streamed answer passed {total} characters.");
            }

            yield return chunk.Content;
        }

        if (total == 0)
        {
            throw new ModelOutputException("The model streamed an empty answer.");
        }

        StreamUsage.Report(usage);
        if (usage is not null)
        {
            _metrics.TokensIn.Add(usage.InputTokens, tags);
            _metrics.TokensOut.Add(usage.OutputTokens, tags);
        }
    }

    public async Task<QuoteChoice> SelectQuotesAsync(QuoteSelectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Candidates.Count == 0 || request.Max == 0)
        {
            return new QuoteChoice([]);
        }

        var list = new StringBuilder();
        for (var i = 0; i < request.Candidates.Count; i++)
        {
            var q = request.Candidates[i];
            list.Append(CultureInfo.InvariantCulture, $"{i}. ").Append(q.Speaker is null ? "" : $"({q.Speaker}) ").Append('"').Append(q.Text).Append('"').Append('\n');
        }

        var prompt = _prompts.Render("quotes", new Dictionary<string, string>
        {
            ["title"] = request.Title ?? "(none)",
            ["text"] = request.Text,
            ["quotes"] = list.ToString(),
            ["max"] = request.Max.ToString(CultureInfo.InvariantCulture),
        });
        var reply = await _chat.GetChatMessageContentAsync(History(prompt), _settings, kernel: null, cancellationToken);
        return new QuoteChoice(ModelOutput.ParseQuoteChoice(reply.Content), TokenUsageReader.From(reply.Metadata, reply.InnerContent));
    }

    private ChatHistory History(SummaryRequest request) =>
        History(_prompts.Render(PromptTemplates.NameFor(request.Target), new Dictionary<string, string>
        {
            ["title"] = request.Title ?? "(none)",
            ["text"] = request.Text,
            ["sentences"] = Math.Max(1, request.Target.Sentences).ToString(CultureInfo.InvariantCulture),
        }));

    private static ChatHistory History(RenderedPrompt prompt)
    {
        var history = new ChatHistory();
        if (prompt.System.Length > 0)
        {
            history.AddSystemMessage(prompt.System);
        }

        history.AddUserMessage(prompt.User);
        return history;
    }
}
