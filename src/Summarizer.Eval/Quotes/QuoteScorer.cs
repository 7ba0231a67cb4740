using Summarizer.Eval.Data;

namespace Summarizer.Eval.Quotes;

/// <summary>A predicted quote with offsets into the raw article text.</summary>
public sealed record PredictedQuote(string Text, string? Speaker, int Start, int End)
{
    /// <summary>The attribution rule that found the speaker (diagnostics only; never scored).</summary>
    public string? Rule { get; init; }
}

/// <summary>Counts behind the quote figures; add articles, then read the ratios.</summary>
public sealed class QuoteTally
{
    public int Predicted { get; private set; }

    public int PredictedMatched { get; private set; }

    public int Gold { get; private set; }

    public int GoldMatched { get; private set; }

    public int GoldFull { get; private set; }

    public int GoldFullMatched { get; private set; }

    /// <summary>Matched gold quotes whose speaker is named or described.</summary>
    public int SpeakerJudged { get; private set; }

    public int SpeakerCorrect { get; private set; }

    public int SpeakerJudgedFull { get; private set; }

    public int SpeakerCorrectFull { get; private set; }

    public int NamedJudged { get; private set; }

    public int NamedCorrect { get; private set; }

    public int DescribedJudged { get; private set; }

    public int DescribedCorrect { get; private set; }

    /// <summary>Matched gold quotes whose speaker is a pronoun with an automatic coreference name.</summary>
    public int PronounJudged { get; private set; }

    public int PronounResolved { get; private set; }

    /// <summary>Strict judge (<see cref="StrictSpeakerJudge"/>), over the same judged quotes as the lenient figures.</summary>
    public int StrictCorrect { get; private set; }

    public int StrictCorrectFull { get; private set; }

    public int StrictNamedCorrect { get; private set; }

    public int StrictDescribedCorrect { get; private set; }

    public int StrictPronounResolved { get; private set; }

    /// <summary>Judged gold speakers that are a bare surname shared by several people the article writes out.</summary>
    public int SharedSurnames { get; private set; }

    public double Precision => Ratio(PredictedMatched, Predicted);

    public double Recall => Ratio(GoldMatched, Gold);

    public double RecallFull => Ratio(GoldFullMatched, GoldFull);

    public double SpeakerAccuracy => Ratio(SpeakerCorrect, SpeakerJudged);

    public double SpeakerAccuracyFull => Ratio(SpeakerCorrectFull, SpeakerJudgedFull);

    public double NamedAccuracy => Ratio(NamedCorrect, NamedJudged);

    public double DescribedAccuracy => Ratio(DescribedCorrect, DescribedJudged);

    public double PronounAccuracy => Ratio(PronounResolved, PronounJudged);

    public double StrictAccuracy => Ratio(StrictCorrect, SpeakerJudged);

    public double StrictAccuracyFull => Ratio(StrictCorrectFull, SpeakerJudgedFull);

    public double StrictNamedAccuracy => Ratio(StrictNamedCorrect, NamedJudged);

    public double StrictDescribedAccuracy => Ratio(StrictDescribedCorrect, DescribedJudged);

    public double StrictPronounAccuracy => Ratio(StrictPronounResolved, PronounJudged);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>
    /// Scores one article. A prediction and a gold quote match when their character spans overlap;
    /// pairs are made one-to-one, largest overlap first, so one long prediction cannot claim two
    /// gold quotes and two predictions cannot share one. <paramref name="names"/> is the article's
    /// name reading for the strict judge (built from the raw article and its gold spans when not given).
    /// </summary>
    public IReadOnlyList<(GoldQuote Gold, PredictedQuote? Predicted)> Add(IReadOnlyList<GoldQuote> gold, IReadOnlyList<PredictedQuote> predicted, ArticleNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        names ??= new ArticleNames(string.Empty, gold.Select(q => q.Speaker));
        var pairs = new List<(int G, int P, int Overlap)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var overlap = Math.Min(gold[g].End, predicted[p].End) - Math.Max(gold[g].Start, predicted[p].Start);
                if (overlap > 0)
                {
                    pairs.Add((g, p, overlap));
                }
            }
        }

        var goldTaken = new PredictedQuote?[gold.Count];
        var predictedTaken = new bool[predicted.Count];
        foreach (var (g, p, _) in pairs.OrderByDescending(x => x.Overlap).ThenBy(x => x.G).ThenBy(x => x.P))
        {
            if (goldTaken[g] is null && !predictedTaken[p])
            {
                goldTaken[g] = predicted[p];
                predictedTaken[p] = true;
            }
        }

        Predicted += predicted.Count;
        PredictedMatched += predictedTaken.Count(t => t);
        var result = new List<(GoldQuote, PredictedQuote?)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var q = gold[g];
            var match = goldTaken[g];
            result.Add((q, match));
            Gold++;
            GoldFull += q.IsFull ? 1 : 0;
            if (match is null)
            {
                continue;
            }

            GoldMatched++;
            GoldFullMatched += q.IsFull ? 1 : 0;
            var kind = SpeakerMatcher.Classify(q.Speaker);
            if (kind is SpeakerKind.Named or SpeakerKind.Described)
            {
                var ok = SpeakerMatcher.Matches(q.Speaker!, match.Speaker);
                var strict = StrictSpeakerJudge.Matches(q.Speaker!, match.Speaker, q.Start, names);
                SpeakerJudged++;
                SpeakerCorrect += ok ? 1 : 0;
                StrictCorrect += strict ? 1 : 0;
                SharedSurnames += SpeakerEntity.Parse(q.Speaker) is { Name: [var surname] } && names.People(surname).Count > 1 ? 1 : 0;
                if (q.IsFull)
                {
                    SpeakerJudgedFull++;
                    SpeakerCorrectFull += ok ? 1 : 0;
                    StrictCorrectFull += strict ? 1 : 0;
                }

                if (kind == SpeakerKind.Named)
                {
                    NamedJudged++;
                    NamedCorrect += ok ? 1 : 0;
                    StrictNamedCorrect += strict ? 1 : 0;
                }
                else
                {
                    DescribedJudged++;
                    DescribedCorrect += ok ? 1 : 0;
                    StrictDescribedCorrect += strict ? 1 : 0;
                }
            }
            else if (kind == SpeakerKind.Pronoun && SpeakerMatcher.CorefName(q.SpeakerCorefAuto) is { } name)
            {
                PronounJudged++;
                PronounResolved += SpeakerMatcher.Matches(name, match.Speaker) ? 1 : 0;
                StrictPronounResolved += StrictSpeakerJudge.Matches(name, match.Speaker, q.Start, names) ? 1 : 0;
            }
        }

        return result;
    }
}
