namespace Summarizer.Extraction;

/// <summary>The values of <see cref="ExtractionRejection.Reason"/>.</summary>
public static class RejectionReasons
{
    public const string Empty = "empty";
    public const string Teaser = "teaser";
    public const string Paywall = "paywall";
    public const string CookieWall = "cookie-wall";
}
