namespace Summarizer.Eval.Quotes;

/// <summary>
/// Maps offsets in normalised text back to the raw text it came from. Normalisation only drops
/// or collapses whitespace, lifts a leading metadata line and recomposes Unicode (NFC), so a
/// greedy walk that skips whitespace on either side aligns the two.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _toRaw;

    public OffsetMap(string raw, string normalized)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(normalized);
        _toRaw = new int[normalized.Length + 1];
        var start = raw.IndexOf(normalized.Length > 0 ? normalized[..Math.Min(20, normalized.Length)] : string.Empty, StringComparison.Ordinal);
        int i = Math.Max(0, start), j = 0;
        while (j < normalized.Length)
        {
            if (i < raw.Length && raw[i] == normalized[j])
            {
                _toRaw[j++] = i++;
            }
            else if (i < raw.Length && char.IsWhiteSpace(raw[i]))
            {
                i++;
            }
            else if (char.IsWhiteSpace(normalized[j]))
            {
                _toRaw[j++] = i;
            }
            else
            {
                _toRaw[j++] = Math.Min(i++, raw.Length);
            }
        }

        _toRaw[normalized.Length] = Math.Min(i, raw.Length);
    }

    public int ToRaw(int normalizedOffset) => _toRaw[Math.Clamp(normalizedOffset, 0, _toRaw.Length - 1)];

    /// <summary>End offsets map through the last character so a span never swallows skipped whitespace.</summary>
    public int EndToRaw(int normalizedEnd) => normalizedEnd <= 0 ? ToRaw(0) : ToRaw(normalizedEnd - 1) + 1;
}
