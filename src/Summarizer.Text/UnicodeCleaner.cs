using System.Buffers;
using System.Text;

namespace Summarizer.Text;

/// <summary>
/// Makes any string well-formed text before it is normalised: a lone surrogate or a
/// non-character (U+FDD0–U+FDEF, U+xxFFFE/U+xxFFFF, on which <see cref="string.Normalize()"/>
/// throws) becomes U+FFFD; the line and paragraph separators U+0085, U+2028 and U+2029 become line
/// breaks; a byte-order mark and every other control character but tab, CR and LF (and the
/// vertical tab and form feed, which are whitespace) are dropped. Nothing is refused: text with
/// such characters is common from copy-paste and broken encoders, and each is replaced the same
/// way every time, so the article id stays a function of what the client sent.
/// </summary>
public static class UnicodeCleaner
{
    /// <summary>Every character that may need cleaning (valid surrogate pairs are let through in the slow path).</summary>
    private static readonly SearchValues<char> Suspect = SearchValues.Create(SuspectCharacters().ToArray());

    public static string Clean(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var first = s.AsSpan().IndexOfAny(Suspect);
        if (first < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, first);
        for (var i = first; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var value = char.ConvertToUtf32(c, s[i + 1]);
                if (IsNonCharacter(value))
                {
                    sb.Append('\uFFFD');
                }
                else
                {
                    sb.Append(c).Append(s[i + 1]);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '\u0085' or '\u2028':
                    sb.Append('\n');
                    break;
                case '\u2029':
                    sb.Append("\n\n");
                    break;
                case '\uFEFF':
                    break;
                case '\t' or '\n' or '\r' or '\v' or '\f':
                    sb.Append(c);
                    break;
                default:
                    if (char.IsSurrogate(c) || IsNonCharacter(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsNonCharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;

    private static IEnumerable<char> SuspectCharacters()
    {
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                yield return c;
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            yield return c;
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            yield return c;
        }

        for (var c = '\uFDD0'; c <= '\uFDEF'; c++)
        {
            yield return c;
        }

        yield return '\u2028';
        yield return '\u2029';
        yield return '\uFEFF';
        yield return '\uFFFE';
        yield return '\uFFFF';
    }
}
