using Summarizer.Testing.ModelServers;

namespace Summarizer.Api.Tests;

/// <summary>What the model-budget tests share: a loopback backend's configuration and an article that is one model call.</summary>
internal static class BudgetTestSupport
{
    /// <summary>Adds an OpenAI-compatible backend named <paramref name="name"/> at <paramref name="server"/>, with no retries (the tests count calls).</summary>
    public static void Backend(Dictionary<string, string?> config, string name, LoopbackModelServer server, params (string Key, string Value)[] settings)
    {
        var key = $"Summarizer:Backends:{name}:";
        config[key + "Provider"] = "OpenAICompatible";
        config[key + "Endpoint"] = server.Endpoint.ToString();
        config[key + "Model"] = name + "-model";
        config[key + "Retries"] = "0";
        foreach (var (k, v) in settings)
        {
            config[key + k] = v;
        }
    }

    /// <summary>An article with no quotes, so a digest is one model call (the brief).</summary>
    public static string Article(string tag, int i) =>
        $"Report {tag} {i}: the council of district {i} met on Monday. It voted to close bridge {i} for repairs. The works start in May and last {i + 2} weeks.";
}
