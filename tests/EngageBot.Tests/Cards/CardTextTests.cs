using EngageBot.Cards;

namespace EngageBot.Tests.Cards;

public class CardTextTests
{
    [Fact]
    public void Slack_control_characters_are_escaped_and_markdown_converted()
    {
        Assert.Equal("a &amp; b &lt;c&gt; *bold* <https://x.test/?a=1&amp;b=2|the link>",
            CardText.ToSlackMrkdwn("a & b <c> **bold** [the link](https://x.test/?a=1&b=2)"));
    }

    [Fact]
    public void Card_dates_become_slack_date_tokens_and_utc_plain_text()
    {
        Assert.Equal("<!date^1795280400^{date_short}|Sat, 21 Nov 2026> <!date^1795280400^{time}|17:00 UTC>",
            CardText.ToSlackMrkdwn("{{DATE(2026-11-21T17:00:00Z,SHORT)}} {{TIME(2026-11-21T17:00:00Z)}}"));
        Assert.Equal("Sat, 21 Nov 2026 17:00 UTC", CardText.ToPlain("{{DATE(2026-11-21T17:00:00Z,SHORT)}} {{TIME(2026-11-21T17:00:00Z)}}"));
    }

    [Theory]
    [InlineData(0, "under a minute")]
    [InlineData(45 * 60 + 59, "45m")]
    [InlineData(90 * 60, "1h 30m")]
    [InlineData(2 * 3600, "2h")]
    [InlineData(26 * 3600 + 5 * 60, "1d 2h")]
    [InlineData(3 * 86400, "3d")]
    public void Durations_read_to_the_minute_with_the_two_largest_units(int seconds, string expected) =>
        Assert.Equal(expected, CardText.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Truncation_is_visible_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("abcd…", CardText.Truncate("abcdefgh", 5));
        Assert.Equal("abc", CardText.Truncate("abc", 5));
        Assert.Equal("abc…", CardText.Truncate("abc😀xyz", 5));
    }

    [Fact]
    public void Card_data_dates_are_utc_without_fractions()
    {
        Assert.Equal("2026-11-21T16:00:00Z", CardText.IsoUtc(new DateTimeOffset(2026, 11, 21, 17, 0, 0, 123, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Teams_attachment_wraps_the_card_and_refuses_cards_over_40_KB()
    {
        var card = new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };
        var attachment = TeamsCardAttachment.Create(card);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        card["body"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 21_000) });
        Assert.False(TeamsCardAttachment.IsWithinSafeBudget(card));
        Assert.Throws<CardTooLargeException>(() => TeamsCardAttachment.Create(card));
    }

    [Fact]
    public void Plain_text_fallback_reads_the_card_in_order_with_links_spelled_out()
    {
        var text = CardPlainText.Render(CardFixtures.Expanded(CardNames.NudgeDigest));
        Assert.StartsWith("Your partner nudges", text);
        Assert.Contains("Contoso Ltd (https://slack.com/archives/C0123ABCD)", text);
        Assert.Contains("• Ticket overdue by 3h: SSO login fails for reseller admins (TKT-7K3QX9 (https://slack.com/archives/C0123ABCD/p1763647500000100))", text);
    }
}
