namespace Summarizer.Api;

/// <summary>How requests are authenticated: <c>Summarizer:Auth:Mode</c>.</summary>
public enum AuthMode
{
    /// <summary>API keys (the default). With none configured, only loopback clients are served.</summary>
    Keys = 0,

    /// <summary>No authentication, for every client address; must be set explicitly.</summary>
    None = 1,
}

/// <summary>Configuration section <c>Summarizer:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Summarizer:Auth";

    public AuthMode Mode { get; set; } = AuthMode.Keys;

    /// <summary>
    /// SHA-256 hashes of the accepted keys, each <c>sha256:&lt;64 hex digits&gt;</c>; never the keys
    /// themselves. Blank entries are ignored (so an unset environment variable adds none).
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Set by hosts that face the network (the gateway): without keys they refuse to start unless
    /// <see cref="Mode"/> is <see cref="AuthMode.None"/>. Not a configuration key.
    /// </summary>
    internal bool KeysRequired { get; set; }
}
