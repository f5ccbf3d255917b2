using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Cards;
using EngageBot.Features.Digests.Delivery;
using EngageBot.Tests.Cards;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Digests;

/// <summary>
/// The digest card from a real digest: Microsoft's adaptivecards engine accepts it (charts aside, which it does not know),
/// a client without chart support shows each chart's fallback table with the same numbers, a large portfolio's card fits
/// Teams' message size, and Slack gets the figures as Block Kit.
/// </summary>
public class DigestCardTests
{
    private static readonly DigestMessages Messages = new(null!, null!, CardFixtures.Library, Options.Create(new DigestOptions()), new ChatPlatforms([]));

    [Fact]
    public async Task A_clients_without_charts_shows_each_charts_fallback_table_with_the_same_numbers()
    {
        var composed = Messages.Compose(DigestFixtures.Large(partners: 12));
        var card = composed.Message.Card!;
        Assert.Equal("1.5", (string?)card["version"]);

        var result = await ValidateAsync(card);
        var events = result["events"]!.AsArray().Select(e => $"{e!["event"]}: {e["message"]}").ToList();
        Assert.All(events, e => Assert.Matches("^UnknownElementType: Unknown element type \"Chart\\.", e));
        Assert.Equal(3, events.Count); // line, donut, bars: each replaced by its fallback
        var parsed = result["parsed"]!.ToJsonString(CardFixtures.Readable);
        Assert.DoesNotContain("\"Chart.", parsed);
        foreach (var chart in composed.Charts)
        {
            Assert.Contains(chart.Title, parsed);
            foreach (var (label, i) in chart.Labels.Select((l, i) => (l, i)))
            {
                var row = string.Join(" · ", chart.Series.Select(s => chart.Series.Count == 1
                    ? EngageBot.Cards.Charts.TeamsChartData.Format(chart, s.Values[i])
                    : $"{s.Name} {EngageBot.Cards.Charts.TeamsChartData.Format(chart, s.Values[i])}"));
                Assert.Contains($"{{\"title\":\"{label}\",\"value\":\"{row}\"}}", parsed);
            }
        }
        // The same numbers: 12 partners, one risk each, severities cycling low, medium, high.
        Assert.Contains("{\"title\":\"High\",\"value\":\"4\"}", parsed);
    }

    [Fact]
    public void Each_chart_element_carries_its_data_in_Teams_chart_shape()
    {
        var composed = Messages.Compose(DigestFixtures.Large(partners: 12));
        var card = composed.Message.Card!;
        var charts = CardTemplateTests.ChartElements(card).ToDictionary(c => (string)c["type"]!);

        Assert.Equal(["Chart.Donut", "Chart.Line", "Chart.VerticalBar"], charts.Keys.Order());
        var line = charts["Chart.Line"]["data"]!.AsArray();
        Assert.Equal(["First response", "Resolution"], line.Select(s => (string?)s!["legend"]));
        // Weeks with nothing decided are gaps, not zeros: only W47 has tickets.
        Assert.Equal("W47", (string?)Assert.Single(line[0]!["values"]!.AsArray())!["x"]);
        Assert.Equal(Math.Round(composed.Digest.Current.FirstResponseSla.Rate!.Value, 4), (double)line[0]!["values"]![0]!["y"]!);
        Assert.Equal(12, charts["Chart.Donut"]["data"]!.AsArray().Sum(d => (double)d!["value"]!));
        Assert.All(charts.Values, c => Assert.IsType<JsonObject>(c["fallback"]));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void A_large_portfolios_card_fits_Teams_message_size(int partners)
    {
        var composed = Messages.Compose(DigestFixtures.Large(partners));
        var card = composed.Message.Card!;
        var size = TeamsCardAttachment.SizeInBytes(card);
        Assert.True(TeamsCardAttachment.IsWithinSafeBudget(card), $"the digest card for {partners} partners is {size} bytes (UTF-16), over {TeamsCardAttachment.SafeBudgetBytes}");
        Assert.Equal(DigestBuilder.AttentionCount, composed.Digest.Attention.Count);
        Assert.Contains($"and {partners - 5} more", card.ToJsonString());
    }

    [Fact]
    public void Slack_gets_the_figures_and_each_charts_table_as_Block_Kit()
    {
        var composed = Messages.Compose(DigestFixtures.Large(partners: 12));
        var blocks = new BlockKitRenderer().RenderMessage(composed.Message.Card!);
        var text = blocks.Blocks.ToJsonString();

        Assert.Contains("Partner digest, week 2026-W47", text);
        Assert.Contains("SLA attainment, last 8 weeks", text);
        Assert.Contains("Open churn risks by severity", text);
        Assert.Contains("Tickets opened", text);
        Assert.StartsWith("Partner digest, week 2026-W47: 12 of 12 partners active", composed.Message.Text);
        // The same charts travel as data: Slack's adapter draws them as pictures below the message. Weeks without a decided
        // SLA clock are NaN (a gap, not 0%), which the outbox's stored form must carry.
        Assert.Equal(composed.Charts, composed.Message.Charts);
        var stored = System.Text.Json.JsonSerializer.Serialize(composed.Message, EngageBot.Channels.Inbox.ChatEventJson.Options);
        Assert.Contains("\"NaN\"", stored);
    }

    private static async Task<JsonObject> ValidateAsync(JsonObject card)
    {
        var input = new JsonArray(new JsonObject { ["name"] = "digest", ["card"] = card.DeepClone() });
        var (exitCode, output) = await NodeTools.RunNodeAsync("validate-card.mjs", [], input.ToJsonString());
        Assert.True(exitCode == 0, output);
        return JsonNode.Parse(output)!.AsArray()[0]!.AsObject();
    }
}
