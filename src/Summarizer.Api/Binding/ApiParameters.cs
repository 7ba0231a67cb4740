using Microsoft.AspNetCore.Http.HttpResults;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>The checks of the values a request may carry, each stated once, with the problem that names the field.</summary>
internal static class ApiParameters
{
    /// <summary><c>short</c>, <c>medium</c> or <c>long</c> (any case); absent is short.</summary>
    public static ProblemHttpResult? Length(string? value, out BriefLength length) =>
        BriefLengths.TryParse(value, out length) ? null : Problems.Invalid("length", "length must be one of: short, medium, long.");

    /// <summary><c>off</c> or <c>strict</c> (any case); absent is off. Strict leaves a brief's flagged sentences out.</summary>
    public static ProblemHttpResult? Verify(string? value, out bool strict)
    {
        strict = string.Equals(value, "strict", StringComparison.OrdinalIgnoreCase);
        return value is null || strict || string.Equals(value, "off", StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.Invalid("verify", "verify must be one of: off, strict.");
    }

    /// <summary>A count in <c>0..limit</c> given as text (a query parameter); absent is <paramref name="fallback"/>.</summary>
    public static ProblemHttpResult? Count(string field, string? value, int fallback, int limit, out int count)
    {
        count = fallback;
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? Count(field, parsed, fallback, limit, out count)
            : OutOfRange(field, limit);
    }

    /// <summary>A count in <c>0..limit</c> given as a number (a JSON field); absent is <paramref name="fallback"/>.</summary>
    public static ProblemHttpResult? Count(string field, int? value, int fallback, int limit, out int count)
    {
        count = value ?? fallback;
        return count < 0 || count > limit ? OutOfRange(field, limit) : null;
    }

    private static ProblemHttpResult OutOfRange(string field, int limit) =>
        Problems.Invalid(field, $"{field} must be an integer between 0 and {limit}.");
}
