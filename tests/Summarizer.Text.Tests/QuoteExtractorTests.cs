namespace Summarizer.Text.Tests;

public class QuoteExtractorTests
{
    private static IReadOnlyList<Quote> Quotes(string text) => QuoteExtractor.Extract(ArticleDocument.Parse(text));

    private static string Bare(string s) => s.TrimEnd(',', '.', ' ');

    [Fact]
    public void Seed_has_all_nine_quotes_with_their_speakers()
    {
        var found = Quotes(Seeds.Raw);
        var expected = Seeds.Quotes();
        Assert.Equal(9, expected.Count);
        foreach (var (quote, speaker) in expected)
        {
            var match = Assert.Single(found, q => Bare(q.Text) == Bare(quote));
            Assert.Equal(speaker, match.Speaker);
        }
    }

    [Fact]
    public void Offsets_point_at_the_quoted_words_in_the_normalised_text()
    {
        var doc = ArticleDocument.Parse(Seeds.Raw);
        var quotes = QuoteExtractor.Extract(doc);
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal(q.Text, doc.Text[q.Start..q.End]));
    }

    [Fact]
    public void A_quote_split_by_its_attribution_gives_two_quotes_with_one_speaker()
    {
        var quotes = Quotes("Jane Doe arrived late.\n\n“We are ready,” she said, “and we will act today.”");
        Assert.Equal(["We are ready,", "and we will act today."], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("Jane Doe", q.Speaker));
    }

    [Fact]
    public void A_quote_continued_over_paragraphs_is_found_in_each_and_takes_the_later_attribution()
    {
        var quotes = Quotes("“The first part runs on.\n\n“The second part ends it,” said John Smith.");
        Assert.Equal(["The first part runs on.", "The second part ends it,"], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("John Smith", q.Speaker));
    }

    [Theory]
    [InlineData("“Prices will rise,” John Smith, a spokesman for the agency, said.", "John Smith")]
    [InlineData("“Prices will rise,” said Jane Roe, a spokeswoman for Acme.", "Jane Roe")]
    [InlineData("A spokeswoman for the agency, Mary Major, said: “We disagree.”", "Mary Major")]
    [InlineData("“It was more of a warning,” a senior diplomat based in the Middle East told Al Arabiya English.", "a senior diplomat based in the Middle East")]
    [InlineData("“No comment,” according to a State Department spokesperson.", "a State Department spokesperson")]
    [InlineData("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.", "G.K. Butterfield")]
    [InlineData("At Monday’s debate, Hillary Clinton called his supporters “deplorables.”", "Hillary Clinton")]
    [InlineData("Trump tells his supporters at a rally to “go to your place and vote.”", "Trump")]
    [InlineData("The Indiana governor said Democrats are to blame for “he said this.”", "The Indiana governor")]
    [InlineData("“Why now?” she asked. “Because we can.”", "she")]
    [InlineData("“It is a great day,” said Mayor Ken Ito.", "Ken Ito")]
    [InlineData("Donald Trump attacked Clinton over Iraq and Libya, saying, “She's trigger-happy.”", "Donald Trump")]
    [InlineData("“It’s an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said on Monday.", "Scott Pruitt")]
    [InlineData("“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.", "Mitch McConnell")]
    [InlineData("“I thought Pence did well,” said MSNBC host Chris Matthews.", "Chris Matthews")]
    [InlineData("Secretary of State John F. Kerry said the U.S. would take “robust steps” in response.", "John F. Kerry")]
    [InlineData("Mayor Jennifer Roberts said on Friday that she thinks “the question is the timing.”", "Jennifer Roberts")]
    [InlineData("“We are ready,” Sen. John Smith Jr. said.", "John Smith Jr.")]
    [InlineData("“The most unqualified child to ever run.” ― Francisco Herrero", "Francisco Herrero")]
    public void Attributes_cues_before_and_after_with_appositives_and_descriptions(string text, string speaker) =>
        Assert.Equal(speaker, Quotes(text)[0].Speaker);

    [Fact]
    public void A_quote_opening_its_sentence_takes_the_attribution_sentence_before_it()
    {
        var quotes = Quotes("The administration may be reluctant to act, Adam Schiff said. “The other factor is timing.”");
        Assert.Equal("Adam Schiff", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_pronoun_resolves_to_the_nearest_named_person()
    {
        var quotes = Quotes("Senator Jane Roe spoke on Monday in Ohio.\n\n“We will not yield,” she said.");
        Assert.Equal("Jane Roe", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_pronoun_skips_people_of_the_other_gender_as_the_article_shows_it()
    {
        var quotes = Quotes(
            "Hillary Clinton said she would campaign in Ohio. Donald Trump said his rally was bigger.\n\n" +
            "She said the rally “was a sad sight.”");
        Assert.Equal("Hillary Clinton", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_contracted_pronoun_is_still_a_pronoun()
    {
        var quotes = Quotes("Donald Trump spoke in Ohio.\n\nHe’s claiming that fraud is “a big, big problem.”");
        Assert.Equal("Donald Trump", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_surname_resolves_to_the_full_name_introduced_earlier()
    {
        var quotes = Quotes("Jessica McNulty, a Pentagon spokeswoman, spoke on Sunday.\n\n“We acted,” McNulty said.");
        Assert.Equal("Jessica McNulty", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void An_unattributed_quote_takes_the_previous_speaker_only_when_the_paragraph_continues_that_speaker()
    {
        var quotes = Quotes(
            "“We are ready,” said John Smith.\n\n“We have trained for months.”\n\nOfficials closed the road on Tuesday.\n\n“Stay away.”");
        Assert.Equal(["John Smith", "John Smith", null], quotes.Select(q => q.Speaker));
    }

    [Theory]
    [InlineData("She appeared on MSNBC’s “Morning Joe” on Friday.")]
    [InlineData("He spoke on “Fox News Sunday,” a weekly show.")]
    [InlineData("<tweet author=\"carl\" pic=\"pic.twitter.com/x\">Text</tweet>")]
    [InlineData("He is 6'3\" tall and weighs 236 pounds.")]
    [InlineData("It would be placed in a separate “liquidating trust.”")]
    [InlineData("Rep. Robert C. \"Bobby\" Scott threw open his back yard.")]
    [InlineData("\"(CROSSTALK.)\"")]
    public void Titles_attributes_inch_marks_scare_quotes_nicknames_and_stage_directions_are_not_quotes(string text) => Assert.Empty(Quotes(text));

    [Fact]
    public void Interview_transcript_blocks_are_not_quotes_but_quotes_inside_them_take_the_label()
    {
        var quotes = Quotes("\"PENCE: Well, look, she called it “a basket of deplorables.” But this is America.");
        var quote = Assert.Single(quotes);
        Assert.Equal("a basket of deplorables.", quote.Text);
        Assert.Equal("PENCE", quote.Speaker);
    }

    [Fact]
    public void A_short_quote_with_a_speaker_is_kept()
    {
        var quote = Assert.Single(Quotes("Critics called the plan “reckless.”"));
        Assert.Equal("Critics", quote.Speaker);
    }

    [Fact]
    public void Straight_quotes_pair_up()
    {
        var quotes = Quotes("\"We will win,\" said Ann Lee. The crowd cheered \"loudly.\"");
        Assert.Equal(["We will win,", "loudly."], quotes.Select(q => q.Text));
    }

    [Fact]
    public void A_whole_sentence_quote_is_a_full_statement_and_an_embedded_phrase_is_not()
    {
        var quotes = Quotes("“We acted with care,” said Ann Lee. Critics called the move “reckless” on Monday.");
        Assert.True(quotes[0].IsFullStatement);
        Assert.False(quotes[1].IsFullStatement);
    }

    [Fact]
    public void A_pronoun_prefers_a_person_whose_gender_the_article_shows_over_a_nearer_place()
    {
        var quotes = Quotes("Mary Jones said she would travel abroad.\n\nThe talks were held in North Korea last week.\n\n“We made progress,” she said.");
        Assert.Equal("Mary Jones", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_capitalised_function_word_opening_a_sentence_is_not_part_of_a_name()
    {
        var quotes = Quotes("John Smith spoke first. In Chicago, the crowd cheered.\n\n“It was great,” he said.");
        Assert.Equal("John Smith", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_lower_case_role_between_an_inverted_cue_and_the_name_is_skipped()
    {
        var quotes = Quotes("“The rationales don’t hold weight. They are wrong,” said 9/11 widow Terry Strada.");
        Assert.Equal("Terry Strada", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void Del_is_a_title_abbreviation()
    {
        var quotes = Quotes("“This is a waste of time,” said Del. Stacey Plaskett (D-V.I.).");
        Assert.Equal("Stacey Plaskett", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void The_subject_of_a_participle_phrase_is_the_speaker_not_its_object()
    {
        var quotes = Quotes("Protesters marching through the streets chanted \"What curfew?\" and kept going.");
        Assert.Equal("Protesters", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_description_with_a_prepositional_post_modifier_is_the_speaker_not_the_object()
    {
        var quotes = Quotes("“You work hard. You pay your taxes,” a narrator in the new ad asks.");
        Assert.Equal("a narrator", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_number_after_of_is_not_the_head_of_a_described_speaker()
    {
        var quotes = Quotes("When pressed, the young mother of three replied, \"It's meant to benefit the mother.\"");
        Assert.StartsWith("the young mother", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_surname_resolves_to_a_full_name_with_a_middle_initial()
    {
        var quotes = Quotes("John F. Kerry arrived on Monday.\n\n“We remain open to talks,” Kerry said.");
        Assert.Equal("John F. Kerry", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void An_honorific_makes_a_lone_surname_a_person_a_pronoun_can_refer_to()
    {
        var quotes = Quotes("Mr. Obama toured the atoll. Rising seas threaten the Marshall Islands.\n\n“It is terrifying,” he said.");
        Assert.Equal("Obama", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_cue_word_after_a_determiner_following_the_quote_is_a_noun_not_an_attribution()
    {
        var quotes = Quotes("Laurence Tribe likened the rules to \"burning the Constitution\" - a charge that stung.");
        Assert.Equal("Laurence Tribe", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_speaker_with_two_appositives_after_the_quote_is_found()
    {
        var quotes = Quotes("“It’s an invasion of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing, said in an interview.");
        Assert.Equal("Scott Pruitt", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_pronoun_right_after_a_quoted_speaker_of_that_gender_continues_that_speaker()
    {
        var quotes = Quotes("Mary Jones said she was pleased. “We won,” Jones said. She thanked Anne Smith, who said she was proud of the team.\n\n“We will keep going,” she said.");
        Assert.Equal("Mary Jones", quotes[^1].Speaker);
    }

    [Fact]
    public void A_bare_surname_is_the_family_member_written_out_most_often_not_the_one_named_after_the_quote()
    {
        var quotes = Quotes(
            "Sen. Ted Cruz endorsed Trump on Friday. Ted Cruz had refused to do so in July.\n\n" +
            "“I will vote for the nominee,” Cruz wrote.\n\n" +
            "Trump had accused Rafael Cruz of links to an assassin and mocked Heidi Cruz.\n\n" +
            "“I am not in the habit of supporting people who attack my wife,” Cruz said in July.");
        Assert.Equal(["Ted Cruz", "Ted Cruz"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void A_bare_surname_shared_by_two_people_written_out_once_each_is_the_one_introduced_first()
    {
        var quotes = Quotes("Bobby Scott welcomed guests. His rival Tim Scott stayed home.\n\n“I will raise what is needed,” Scott added.");
        Assert.Equal("Bobby Scott", Assert.Single(quotes).Speaker);
    }

    [Theory]
    [InlineData("Gov. Mike Pence said Donald Trump’s tweet was only “to mock” Hillary Clinton.", "Mike Pence")]
    [InlineData("The Post profiled a voter. The piece used one of the woman’s quotes as its headline: “Finally. Someone who thinks like me.”", "The piece")]
    [InlineData("While debating the nominees, a friend commented: \"For you, immigration is the most important reason.\"", "a friend")]
    [InlineData("Scott’s family has called on police to release the videos “as a matter of the greater good” today.", "Scott’s family")]
    [InlineData("The family has called the videos “a matter of the greater good” today.", "The family")]
    public void A_speaker_is_a_noun_phrase_headed_by_a_person_group_or_document_noun(string text, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Quotes(text)).Speaker);

    [Theory]
    [InlineData("Another critic, Laurence H. Tribe, likened the rules to \"burning the Constitution\" on Monday.", "Laurence H. Tribe")]
    [InlineData("“We disagree with the ruling,” said a spokeswoman for the company, Jane Doe.", "Jane Doe")]
    public void A_name_in_apposition_to_a_description_is_the_speaker(string text, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Quotes(text)).Speaker);

    [Fact]
    public void As_x_put_it_after_a_quote_attributes_it()
    {
        var quotes = Quotes("The main requirement is a \"lawful source of investment income,\" as a Homeland Security memo put it.");
        Assert.Equal("a Homeland Security memo", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void A_capitalised_reporting_verb_opening_the_sentence_is_not_part_of_the_name()
    {
        var quotes = Quotes("Ryan Ellis is a tax expert. Said Ellis: “I don’t get the sense she’s interested in reform.”");
        Assert.Equal("Ryan Ellis", Assert.Single(quotes).Speaker);
    }

    [Theory]
    [InlineData("Donald Trump’s", null)]
    [InlineData("Kim's mental", null)]
    [InlineData("a box", null)]
    [InlineData("softer language", null)]
    [InlineData("All this", null)]
    [InlineData("several environmental groups granted Mr. Clarke an extension", "several environmental groups")]
    [InlineData("The article closes", "The article")]
    [InlineData("a spokeswoman for the company", "a spokeswoman for the company")]
    [InlineData("one of the organizers", "one of the organizers")]
    [InlineData("the Rev. Peter Wherry", "the Rev. Peter Wherry")]
    [InlineData("a Homeland Security memo", "a Homeland Security memo")]
    [InlineData("Democratic officials", "Democratic officials")]
    [InlineData("Hillary Clinton", "Hillary Clinton")]
    [InlineData("she", "she")]
    public void Speaker_phrases_are_checked_for_a_speaker_head(string phrase, string? expected) =>
        Assert.Equal(expected, SpeakerPhrase.Checked(phrase, cutAtVerb: true));

    [Fact]
    public void A_phrase_that_ends_at_its_cue_keeps_its_participle()
    {
        Assert.Equal("A GAO report released last year", SpeakerPhrase.Checked("A GAO report released last year", cutAtVerb: false));
        Assert.Equal("A GAO report", SpeakerPhrase.Checked("A GAO report released last year", cutAtVerb: true));
    }
}
