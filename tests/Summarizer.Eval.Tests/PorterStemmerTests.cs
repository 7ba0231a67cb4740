using Summarizer.Eval.Rouge;

namespace Summarizer.Eval.Tests;

public class PorterStemmerTests
{
    // Each value worked through the NLTK-extension rules by hand (see the comments).
    [Theory]
    [InlineData("caresses", "caress")]        // 1a sses→ss
    [InlineData("ponies", "poni")]            // 1a ies→i
    [InlineData("ties", "tie")]               // NLTK: four-letter ...ies → ...ie
    [InlineData("cats", "cat")]               // 1a s→
    [InlineData("agreed", "agre")]            // 1b eed→ee (m=1), 5a drops e (m=1, not cvc)
    [InlineData("plastered", "plaster")]      // 1b ed
    [InlineData("motoring", "motor")]         // 1b ing
    [InlineData("sing", "sing")]              // 1b: no vowel before ing
    [InlineData("hopping", "hop")]            // 1b double consonant → single
    [InlineData("falling", "fall")]           // ...but not after l
    [InlineData("filing", "file")]            // 1b (m=1 and *o) → e
    [InlineData("happy", "happi")]            // 1c y→i after a consonant
    [InlineData("relational", "relat")]       // 2 ational→ate, 5a drops e
    [InlineData("generalization", "gener")]   // 2 ization→ize, 3 alize→al, 4 al
    [InlineData("running", "run")]
    [InlineData("dying", "die")]              // NLTK irregular pool
    [InlineData("news", "news")]              // NLTK irregular pool
    [InlineData("hopeful", "hope")]           // 3 ful→
    [InlineData("goodness", "good")]          // 3 ness→
    [InlineData("adjustment", "adjust")]      // 4 ment (m>1)
    [InlineData("controll", "control")]       // 5b ll→l (m>1)
    public void Stems_like_nltk(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Leaves_words_of_two_letters_alone() => Assert.Equal("is", PorterStemmer.Stem("is"));

    [Theory]
    [InlineData("tr", 0)]
    [InlineData("trouble", 1)]
    [InlineData("oaten", 2)]
    public void Measures_vowel_consonant_sequences(string stem, int m) => Assert.Equal(m, PorterStemmer.Measure(stem));
}
