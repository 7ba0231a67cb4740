namespace Summarizer.Contracts;

/// <summary>
/// Where the caller id of a request travels: the API sets it (API key id, or <c>ip:&lt;address&gt;</c>)
/// in Orleans' <c>RequestContext</c> and <c>HttpContext.Items</c> under <see cref="Key"/>; grains and
/// silo services (budgets, usage) read it, never set it.
/// </summary>
public static class CallerContext
{
    public const string Key = "summarizer.caller";

    /// <summary>The caller of the request this code runs for, or null outside a request.</summary>
    public static string? Current => Orleans.Runtime.RequestContext.Get(Key) as string;
}
