using System.Text;

namespace Summarizer.Contracts;

/// <summary>
/// Client input quoted back in an error message, bounded: at most <see cref="MaxChars"/> characters
/// (then an ellipsis and the full length), control and format characters shown as <c>\uXXXX</c>, so a
/// 100 KB backend name or a header full of escape sequences never comes back whole or raw.
/// </summary>
public static class Echo
{
    public const int MaxChars = 64;

    /// <summary><paramref name="value"/> in single quotes, bounded and escaped.</summary>
    public static string Quote(string? value) => value is null ? "(none)" : "'" + Bounded(value) + "'";

    /// <summary><paramref name="value"/> bounded and escaped, without quotes.</summary>
    public static string Bounded(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(Math.Min(value.Length, MaxChars) + 24);
        var shown = 0;
        foreach (var c in value)
        {
            if (shown == MaxChars)
            {
                return sb.Append("…(").Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)").ToString();
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }

            shown++;
        }

        return sb.ToString();
    }
}
