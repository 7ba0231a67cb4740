using System.Globalization;

namespace Summarizer.Text.Faithfulness;

/// <summary>
/// Numbers and quantities of a sentence: digits (<c>3,000</c>, <c>3.5</c>, <c>5th</c>), number words
/// (<c>twenty-five</c>, <c>three hundred</c>), scales (<c>million</c>, <c>bn</c>, <c>3m</c>), percentages,
/// money (<c>$</c>, <c>£</c>, <c>€</c>, dollars) and units of measure. A lone "one" (as in "one of")
/// is no fact. Four-digit years are dates (<see cref="DateFacts"/>), not numbers.
/// </summary>
internal static class NumberFacts
{
    private static readonly Dictionary<string, int> Small = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.Ordinal)
    {
        ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12,
    };

    /// <summary>Scale abbreviations written on the digits: "3m", "£2bn", "5k".</summary>
    private static readonly Dictionary<string, double> ScaleSuffixes = new(StringComparer.Ordinal)
    {
        ["m"] = 1e6, ["mn"] = 1e6, ["bn"] = 1e9, ["b"] = 1e9, ["k"] = 1e3, ["tn"] = 1e12,
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["percent"] = "%", ["pc"] = "%", ["dollar"] = "$", ["usd"] = "$", ["pound"] = "£", ["euro"] = "€", ["yen"] = "¥",
        ["mile"] = "mile", ["mph"] = "mph", ["km"] = "km", ["kilometre"] = "km", ["kilometer"] = "km", ["kmh"] = "kmh",
        ["metre"] = "m", ["meter"] = "m", ["cm"] = "cm", ["mm"] = "mm", ["ft"] = "ft", ["feet"] = "ft", ["foot"] = "ft",
        ["inch"] = "in", ["inche"] = "in", ["yard"] = "yard", ["kg"] = "kg", ["kilogram"] = "kg", ["kilo"] = "kg", ["gram"] = "g",
        ["lb"] = "lb", ["tonne"] = "t", ["ton"] = "t", ["stone"] = "st", ["litre"] = "l", ["liter"] = "l", ["gallon"] = "gal",
        ["year"] = "year", ["month"] = "month", ["week"] = "week", ["day"] = "day", ["hour"] = "hour", ["minute"] = "min",
        ["second"] = "s", ["degree"] = "deg", ["acre"] = "acre", ["point"] = "pt", ["goal"] = "goal", ["people"] = "people",
    };

    public static void Extract(string text, IReadOnlyList<Word> words, List<Fact> into)
    {
        var i = 0;
        while (i < words.Count)
        {
            var w = words[i];
            int next;
            double value, step;
            if (w.IsNumber)
            {
                if (!double.TryParse(w.Key, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                {
                    i++;
                    continue;
                }

                var dot = w.Key.IndexOf('.', StringComparison.Ordinal);
                step = dot < 0 ? 1 : Math.Pow(10, -(w.Key.Length - dot - 1));
                next = i + 1;
                // "5th", "1990s": a suffix written on the digits.
                if (next < words.Count && Adjacent(words[i], words[next]) && words[next].Key is "th" or "st" or "nd" or "rd")
                {
                    next++;
                }
            }
            else if (Small.TryGetValue(w.Key, out var small))
            {
                (value, step, next) = ReadWords(words, i, small);
            }
            else
            {
                i++;
                continue;
            }

            var start = w.Start;
            string? unit = null;
            var prefix = start > 0 ? text[start - 1] : ' ';
            if (prefix is '$' or '£' or '€' or '¥')
            {
                unit = prefix.ToString();
                start--;
            }

            var end = words[next - 1].End;
            if (next < words.Count && (Scales.TryGetValue(words[next].Key, out var scale)
                || (w.IsNumber && Adjacent(words[next - 1], words[next]) && ScaleSuffixes.TryGetValue(words[next].Surface.ToLowerInvariant(), out scale))))
            {
                value *= scale;
                step *= scale;
                end = words[next].End;
                next++;
            }

            if (end < text.Length && text[end] == '%')
            {
                unit = "%";
                end++;
            }
            else if (next < words.Count && words[next].Key == "per" && next + 1 < words.Count && words[next + 1].Key == "cent")
            {
                unit = "%";
                end = words[next + 1].End;
                next += 2;
            }
            else if (next < words.Count && Units.TryGetValue(words[next].Key, out var u) && Gap(text, end, words[next].Start))
            {
                unit ??= u;
                end = words[next].End;
                next++;
            }

            var year = w.IsNumber && unit is null && step == 1 && value is >= 1800 and <= 2100 && w.Key.Length == 4 && !w.Surface.Contains(',', StringComparison.Ordinal);
            var loneOne = !w.IsNumber && value == 1 && next == i + 1 && unit is null;
            if (!year && !loneOne)
            {
                into.Add(new Fact(FactKind.Number, value.ToString("R", CultureInfo.InvariantCulture), text[start..end], start, end) { Value = value, Step = step, Unit = unit });
            }

            i = next;
        }
    }

    /// <summary>"twenty-five", "three hundred and fifty", "two million": a run of number words.</summary>
    private static (double Value, double Step, int Next) ReadWords(IReadOnlyList<Word> words, int i, int first)
    {
        double total = 0, group = first;
        var j = i + 1;
        while (j < words.Count)
        {
            var key = words[j].Key;
            if (Small.TryGetValue(key, out var n) && n < 10 && group % 10 == 0 && group >= 20 && group < 100)
            {
                group += n; // twenty-five
            }
            else if (key == "hundred")
            {
                group *= 100;
            }
            else if (key == "and" && j + 1 < words.Count && Small.ContainsKey(words[j + 1].Key) && group >= 100)
            {
                j++;
                group += Small[words[j].Key];
            }
            else if (key is "thousand" && j + 1 < words.Count && Small.ContainsKey(words[j + 1].Key))
            {
                total += group * 1000;
                group = 0;
            }
            else
            {
                break;
            }

            j++;
        }

        return (total + group, 1, j);
    }

    private static bool Adjacent(Word a, Word b) => a.End == b.Start;

    /// <summary>Only spaces or a hyphen between a number and its unit: "5 miles", "five-mile".</summary>
    private static bool Gap(string text, int from, int to)
    {
        if (to - from > 2)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (text[k] is not (' ' or '-' or '\u00a0'))
            {
                return false;
            }
        }

        return true;
    }
}
