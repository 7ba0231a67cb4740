namespace Summarizer.Extraction.Tests;

/// <summary>Builds realistic test pages: a news site's chrome around an article body.</summary>
internal static class Pages
{
    public const string ParagraphOne = "The city council voted on Tuesday to expand the bus network to the northern suburbs, ending a debate that had run for more than two years and divided residents along familiar lines.";
    public const string ParagraphTwo = "\u201cThis is the most important transport decision we have made in a decade,\u201d said Maria Lopez, the council\u2019s transport chair, after the vote, adding that the first new routes would open next spring.";
    public const string ParagraphThree = "Opponents argued that the plan would cost too much and that the money should go to road repairs instead, but their amendment failed by eleven votes to four after a long and sometimes heated session.";
    public const string ParagraphFour = "The expansion adds six routes and forty new stops, and the council expects ridership in the northern districts to double within three years of opening, according to figures presented at the meeting.";

    public static string Article(string body, string head = "", string lang = "en") => $$"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
          <meta charset="utf-8">
          <title>Council expands bus network | The Daily Example</title>
          {{head}}
        </head>
        <body>
          <header class="site-header"><nav class="main-nav"><ul>
            <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
            <li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
          <main>
            <article>
              <h1>Council expands bus network</h1>
              {{body}}
            </article>
            <aside class="related"><h2>Related stories</h2><ul>
              <li><a href="/a">Mayor opens new library in the old town hall</a></li>
              <li><a href="/b">Road repairs to start in March across the city</a></li>
              <li><a href="/c">Local team wins the regional cup after a penalty shoot-out</a></li></ul></aside>
          </main>
          <footer class="site-footer"><p>&copy; 2024 The Daily Example. All rights reserved.</p>
            <ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
        </body>
        </html>
        """;

    public static string FourParagraphs =>
        $"<p>{ParagraphOne}</p><p>{ParagraphTwo}</p><p>{ParagraphThree}</p><p>{ParagraphFour}</p>";
}
