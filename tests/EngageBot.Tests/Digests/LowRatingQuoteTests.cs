using EngageBot.Features.CheckIns.Answers;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Figures;
using EngageBot.Features.Digests.Loading;
using EngageBot.Features.Feedback;

namespace EngageBot.Tests.Digests;

public sealed class LowRatingQuoteTests
{
    private static readonly IsoWeek Week = new(2026, 47);

    [Fact]
    public void A_low_check_in_answer_is_quoted_in_the_partners_own_words_without_the_form_labels()
    {
        var quotes = QuotesFor(CheckInAnswer("Health (1-5): 2\nBlocking: Deal registration takes a week to approve\nWould recommend (0-10): 4\nWe should do better at: answering in our channel\nWants a call: true"));

        var quote = Assert.Single(quotes);
        Assert.Equal((2, "Deal registration takes a week to approve · answering in our channel"), (quote.Rating, quote.Text));
    }

    [Fact]
    public void A_low_check_in_answer_with_no_words_of_its_own_is_not_quoted()
    {
        Assert.Empty(QuotesFor(CheckInAnswer("Health (1-5): 1\nWould recommend (0-10): 3\nPreferred next check-in: 2026-12-01")));
    }

    [Fact]
    public void Other_feedback_is_quoted_as_written()
    {
        var entry = DigestFixtures.Feedback("acme", 1, "Took two tries to get a working answer", Start.AddHours(10));

        Assert.Equal("Took two tries to get a working answer", Assert.Single(QuotesFor(entry)).Text);
    }

    [Fact]
    public void The_partners_words_come_from_the_free_text_answers_only()
    {
        Assert.Equal("", CheckInAnswerText.PartnerWords("Health (1-5): 2\nPipeline: 3 deals"));
        Assert.Equal("a: b", CheckInAnswerText.PartnerWords("Topics for next time: a: b"));
    }

    private static DateTimeOffset Start => new DigestPeriod(Week, TimeZoneInfo.Utc).Current.Start;

    private static FeedbackEntry CheckInAnswer(string text) =>
        new(FeedbackEntry.IdFor("acme", FeedbackSource.CheckInAnswer, "ci-acme"), "acme", FeedbackSource.CheckInAnswer, "ci-acme",
            int.Parse(text[14..15], System.Globalization.CultureInfo.InvariantCulture), null, text, null, null, Start.AddHours(10));

    private static IReadOnlyList<LowRatingQuote> QuotesFor(FeedbackEntry entry)
    {
        var period = new DigestPeriod(Week, TimeZoneInfo.Utc);
        var partner = DigestFixtures.Partner("acme", "Acme Corp", new DateOnly(2025, 1, 1));
        PartnerFacts facts = new(partner, DigestFixtures.Utc9To5, true, [], [], [], [entry], []);
        return DigestBuilder.Build([facts], period, "all partners", Start.AddDays(7), lowRatingThreshold: 2, quotes: 5).Current.LowRatingQuotes;
    }
}
