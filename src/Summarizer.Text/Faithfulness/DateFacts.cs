namespace Summarizer.Text.Faithfulness;

/// <summary>
/// Date words of a sentence: month names (capitalised; "Jan." and "Sept." too), weekdays, four-digit
/// years (1800–2100, as no number with a unit or currency is) and decades ("1990s").
/// </summary>
internal static class DateFacts
{
    private static readonly Dictionary<string, string> Months = new(StringComparer.Ordinal)
    {
        ["January"] = "january", ["February"] = "february", ["March"] = "march", ["April"] = "april", ["May"] = "may", ["June"] = "june",
        ["July"] = "july", ["August"] = "august", ["September"] = "september", ["October"] = "october", ["November"] = "november",
        ["December"] = "december", ["Jan"] = "january", ["Feb"] = "february", ["Apr"] = "april", ["Jun"] = "june", ["Jul"] = "july",
        ["Aug"] = "august", ["Sep"] = "september", ["Sept"] = "september", ["Oct"] = "october", ["Nov"] = "november", ["Dec"] = "december",
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>A capitalised word that is a date word, so it is no name.</summary>
    public static bool IsDateWord(string surface) => Months.ContainsKey(surface) || Weekdays.Contains(surface);

    public static void Extract(string text, IReadOnlyList<Word> words, List<Fact> into)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.IsNumber)
            {
                var decade = i + 1 < words.Count && words[i + 1].Start == w.End && words[i + 1].Surface == "s";
                if (w.Key.Length == 4 && w.Surface.All(char.IsDigit) && int.TryParse(w.Key, System.Globalization.CultureInfo.InvariantCulture, out var year)
                    && year is >= 1800 and <= 2100 && !IsQuantity(text, w, words, i))
                {
                    into.Add(new Fact(FactKind.Date, decade ? $"decade:{year}" : $"year:{year}", w.Surface, w.Start, w.End));
                }

                continue;
            }

            if (Months.TryGetValue(w.Surface, out var month))
            {
                // "Jan." is a month; "Jan" alone may be a name, and "May" a modal verb only in lower case.
                var abbreviated = w.Surface.Length <= 4 && w.Surface != "June" && w.Surface != "July" && w.Surface != "May";
                if (!abbreviated || (w.End < text.Length && text[w.End] == '.'))
                {
                    into.Add(new Fact(FactKind.Date, $"month:{month}", w.Surface, w.Start, w.End));
                }
            }
            else if (Weekdays.Contains(w.Surface))
            {
                into.Add(new Fact(FactKind.Date, $"weekday:{w.Key}", w.Surface, w.Start, w.End));
            }
        }
    }

    /// <summary>"$2015", "2015%", "2,015 people": written as an amount, not a year.</summary>
    private static bool IsQuantity(string text, Word w, IReadOnlyList<Word> words, int i)
    {
        if (w.Start > 0 && text[w.Start - 1] is '$' or '£' or '€' or '¥')
        {
            return true;
        }

        if (w.End < text.Length && text[w.End] == '%')
        {
            return true;
        }

        return i + 1 < words.Count && words[i + 1].Key is "million" or "billion" or "thousand" or "people" or "per" or "percent";
    }
}
