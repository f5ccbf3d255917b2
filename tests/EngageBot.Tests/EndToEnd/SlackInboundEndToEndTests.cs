using System.Net;
using EngageBot.Channels;
using EngageBot.Features.Interactions;
using EngageBot.Tests.Slack;

namespace EngageBot.Tests.EndToEnd;

/// <summary>Signed Slack events through the real host: verification, durable inbox, processor, interaction log.</summary>
public sealed class SlackInboundEndToEndTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string PartnerChannel = "C07NWSHARED";
    private const string PartnerTeam = "T05NORTHWD";

    [Fact]
    public async Task A_partner_message_is_logged_exactly_once_however_often_and_concurrently_Slack_retries_it()
    {
        const string ts = "1793610001.000100";
        var body = Envelope(ts, "Could you check the Contoso rollout?", "Ev0E2EONCE1");

        var first = await world.PostSlackAsync("/api/slack/events", body);
        var again = await Task.WhenAll(
            world.PostSlackAsync("/api/slack/events", body, retryNum: 1),
            world.PostSlackAsync("/api/slack/events", body, retryNum: 2),
            world.PostSlackAsync("/api/slack/events", body, retryNum: 3),
            world.PostSlackAsync("/api/slack/events", body),
            world.PostSlackAsync("/api/slack/events", body));

        Assert.All(again.Prepend(first), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await EndToEndWorld.EventuallyAsync(async () => (await Logged(ts)).Count > 0, "the message in the interaction log");
        await Task.Delay(1000); // let any duplicate that slipped through reach the log
        var logged = Assert.Single(await Logged(ts));
        Assert.Equal(("northwind", AuthorKind.Partner, InteractionDirection.Inbound), (logged.PartnerId, logged.AuthorKind, logged.Direction));
        Assert.Equal("Could you check the Contoso rollout?", logged.Text);
    }

    [Fact]
    public async Task Forged_or_tampered_events_are_rejected_and_nothing_is_stored()
    {
        const string ts = "1793610002.000200";
        var body = Envelope(ts, "forged", "Ev0E2EFORGE");

        var wrongSecret = await world.PostSlackAsync("/api/slack/events", body, secret: "not-the-signing-secret");
        var unsigned = await world.Client.PostAsync("/api/slack/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        await Task.Delay(500);
        Assert.Empty(await Logged(ts));
    }

    internal static string Envelope(string ts, string text, string eventId, string channel = PartnerChannel)
    {
        var message = SlackPayloads.Message(ts, text, user: "U05NWPAT01", team: PartnerTeam);
        message["channel"] = channel;
        return SlackPayloads.Envelope(message, eventId);
    }

    private async Task<List<Interaction>> Logged(string ts) =>
        (await world.InteractionsAsync()).Where(i => i.Platform == ChatPlatform.Slack && i.MessageId == ts).ToList();
}
