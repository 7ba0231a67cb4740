namespace Summarizer.Contracts;

/// <summary>The parts of an answer a backend can fail at, as responses name them in <c>degradedParts</c> and the failure memory keys them.</summary>
public static class AnswerParts
{
    public const string Brief = "brief";

    public const string KeyQuotes = "keyQuotes";
}
