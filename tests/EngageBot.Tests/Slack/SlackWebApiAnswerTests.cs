using System.Net;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

/// <summary>
/// Issue 20 item 6: on the event path, a Web API answer that is not what the client expects (an HTML error page,
/// malformed JSON, a field of the wrong type, a missing field) degrades what the adapter knows about the event; it is
/// never a 500 to Slack, so an event Slack retries because of it cannot loop, and nothing is lost.
/// </summary>
public sealed class SlackWebApiAnswerTests : IClassFixture<SlackHost>
{
    private readonly SlackHost _host;

    public SlackWebApiAnswerTests(SlackHost host)
    {
        _host = host;
        _host.Reset();
    }

    public static TheoryData<string, string> BadAnswers() => new()
    {
        { "text/html", "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>" },
        { "application/json", """{"ok":true,"user":{"id":"U0CUTOFF""" },
        { "application/json", """{"ok":true,"user":"U0NOTANOBJECT"}""" },
        { "application/json", """{"ok":true}""" },
        { "text/plain", "" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_users_info_answer_still_stores_the_event_and_acks_it_and_its_retry(string contentType, string answer)
    {
        var user = "U0ODD" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var body = SlackPayloads.Envelope(SlackPayloads.Message($"1793630000.{Random.Shared.Next(999_999):000000}", "hello?", user: user, team: null), "Ev" + user);
        _host.Slack.RawNext("users.info", answer, contentType);
        _host.Slack.RawNext("users.info", answer, contentType);

        var first = await _host.PostEventAsync(body);
        var retry = await _host.PostEventAsync(body, retryNum: 1);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var stored = Assert.IsType<MessagePosted>(Assert.Single(_host.Inbox.Accepted));
        Assert.Equal(user, stored.Actor?.Id);
    }

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_conversations_info_answer_still_stores_the_bots_channel_join(string contentType, string answer)
    {
        _host.Slack.RawNext("conversations.info", answer, contentType);

        var response = await _host.PostEventAsync(SlackPayloads.Envelope(
            SlackPayloads.Member(joined: true, SlackHost.BotUserId, team: SlackHost.OurTeam, inviter: SlackPayloads.InternalUser), "EvJoin" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var joined = Assert.IsType<BotMembershipChanged>(Assert.Single(_host.Inbox.Accepted));
        Assert.Null(joined.ChannelName);
    }
}
