using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Tests.Slack;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.Tickets.EndToEnd;

/// <summary>
/// A ticket's whole life on Slack through the real host: signed Events API requests into the real inbox, the ticket
/// feature over the imported directory, the real outbox delivering to a loopback fake Slack. Time is a manual clock.
/// </summary>
public sealed class SlackTicketEndToEndTests : IAsyncLifetime
{
    private const string Triage = "C0TRIAGE01";
    private const string Owner = SlackPayloads.InternalUser;
    private const string RootTs = "1793610000.000100";

    // Monday 2026-11-02 09:00 UTC (the host's clock start); gold: first response 2h, warning at half of it.
    /// <summary>One gold partner, Acme, in <see cref="SlackPayloads.Channel"/>; its partners list ends the file, so tests may append partners.</summary>
    internal static readonly string Directory = $$"""
        version: 1
        policies:
          - tier: gold
            warning_at: 0.5
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        people:
          - id: olivia.owner
            name: Olivia Owner
            slack_user_id: {{Owner}}
            roles: [manager]
            timezone: UTC
            working_hours: "09:00-17:00"
        partners:
          - id: acme
            name: Acme Corp
            tier: gold
            timezone: UTC
            onboarded: 2025-01-06
            owner: olivia.owner
            ticket_mode: questions_only
            slack:
              team_ids: [{{SlackPayloads.PartnerTeam}}]
              channels: [{{SlackPayloads.Channel}}]
              triage_channel: {{Triage}}
        """;

    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser(SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam, name: "Pat Partner");
        _slack.AddUser(Owner, SlackHost.OurTeam, name: "Olivia Owner");
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_partner_question_lives_through_nudge_reply_waiting_resolve_and_reopen_with_the_triage_card_updated_in_place()
    {
        await using var host = new TicketsSlackHost(_slack);
        _ = host.Server;
        var result = await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var slack = _slack;

        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(SlackPayloads.Message(RootTs, "How do I rotate the API key?"), "Ev1")).StatusCode);
        var triagePost = await EventuallySingleAsync(host, "chat.postMessage", c => c.Field("channel") == Triage);
        var ticket = await TicketAsync(host);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Contains(ticket.Id, triagePost.Field("text"));
        var triageTs = await TriageTsAsync(host, ticket.Id);

        // 10:05 is past the warning (10:00) and before the breach (11:00): one nudge to the owner, in her working hours.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 10, 5, 0, TimeSpan.Zero));
        await host.Services.GetRequiredService<TicketSlaSweeper>().SweepAsync(default);
        var nudge = await EventuallySingleAsync(host, "chat.postMessage", c => c.Field("channel")?.StartsWith('D') == true);
        Assert.Equal("D" + Owner, nudge.Field("channel"));

        await host.PostEventAsync(SlackPayloads.Message("1793610100.000100", "You rotate it under Settings > Keys.", Owner, SlackHost.OurTeam, RootTs), "Ev2");
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Responded);

        await host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand($"waiting {ticket.Id}", responseUrl: _slack.ResponseUrl("waiting")), "application/x-www-form-urlencoded");
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.WaitingOnPartner);

        await host.PostEventAsync(SlackPayloads.Reaction(true, TicketReactions.Resolve, RootTs, Owner), "Ev3");
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Resolved);

        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
        await host.PostEventAsync(SlackPayloads.Message("1793610200.000100", "Sorry, it still fails for one key.", threadTs: RootTs), "Ev4");
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Reopened);

        // Every change after the post replaced the one triage message; none posted a second card.
        await ClockedEventually.TrueAsync(host.Time, () => slack.CallsTo("chat.update").Any(c => c.Body.Contains("Reopened", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));
        Assert.All(slack.CallsTo("chat.update"), u => Assert.Equal((Triage, triageTs), (u.Field("channel"), u.Field("ts"))));
        Assert.Single(slack.CallsTo("chat.postMessage"), c => c.Field("channel") == Triage);
        // Exactly one DM reached Slack: the warning nudge.
        Assert.Equal([nudge], slack.CallsTo("chat.postMessage").Where(c => c.Field("channel")?.StartsWith('D') == true));
    }

    [Fact]
    public async Task A_button_on_the_triage_card_replaces_it_with_one_chat_update_not_two()
    {
        await using var host = new TicketsSlackHost(_slack);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        await host.PostEventAsync(SlackPayloads.Message(RootTs, "How do I rotate the API key?"), "Ev1");
        await EventuallySingleAsync(host, "chat.postMessage", c => c.Field("channel") == Triage);
        var ticket = await TicketAsync(host);
        var triageTs = await TriageTsAsync(host, ticket.Id);

        var press = SlackPayloads.BlockActions(CardVerbs.TicketAssignToMe, new JsonObject { ["ticketId"] = ticket.Id }.ToJsonString(), triageTs!, Owner, SlackHost.OurTeam)
            .Replace(SlackPayloads.Channel, Triage, StringComparison.Ordinal);
        var response = await host.PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(press), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assigned = await host.Services.GetRequiredService<TicketService>().Store.GetAsync(ticket.Id);
        Assert.Equal("Olivia Owner", assigned!.Assignee?.Display);
        var outbox = host.Services.GetRequiredService<EngageBot.Channels.Outbox.IOutboxStatus>();
        Assert.Null(await outbox.GetAsync($"{TriageCardPublisher.PostKey(ticket.Id)}|v{assigned.Version}"));
        await ClockedEventually.TrueAsync(host.Time, () => _slack.CallsTo("chat.update").Count > 0);
        await Task.Delay(500);
        var update = Assert.Single(_slack.CallsTo("chat.update"));
        Assert.Equal((Triage, triageTs), (update.Field("channel"), update.Field("ts")));
        Assert.Contains("Olivia Owner", update.Body);
    }

    [Fact]
    public async Task The_my_tickets_global_shortcut_answers_in_the_users_dm_like_the_tickets_command()
    {
        await using var host = new TicketsSlackHost(_slack);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);

        var response = await host.PostSignedAsync("/api/slack/interactions",
            "payload=" + Uri.EscapeDataString(SlackPayloads.GlobalShortcut("my_tickets", Owner)), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await EventuallySingleAsync(host, "chat.postEphemeral", c => c.Field("channel") == "D" + Owner);
        Assert.Equal(Owner, answer.Field("user"));
        Assert.Equal("Your open tickets: none.", answer.Field("text"));
    }

    [Theory]
    [InlineData("D0OWNER2SAM", "directmessage", "channel_not_found")]
    [InlineData("C0BOTNOTIN1", "somewhere-else", "not_in_channel")]
    public async Task A_command_typed_where_the_bot_cannot_post_is_answered_through_its_response_url(string channel, string channelName, string postEphemeralError)
    {
        await using var host = new TicketsSlackHost(_slack);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        // What Slack answers chat.postEphemeral in a DM between two people, or in a channel the bot was never invited to.
        _slack.FailNext("chat.postEphemeral", postEphemeralError);

        var response = await host.PostSignedAsync("/api/slack/commands",
            SlackPayloads.SlashCommand("tickets", channel, channelName, responseUrl: _slack.ResponseUrl(channel), trigger: $"1334.7384.{channel}"), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await EventuallySingleAsync(host, $"response_url:{channel}", _ => true);
        Assert.Equal("ephemeral", answer.Json["response_type"]!.GetValue<string>());
        Assert.False(answer.Json["replace_original"]!.GetValue<bool>());
        Assert.Equal("Your open tickets: none.", answer.Json["text"]!.GetValue<string>());
        Assert.Null(answer.Authorization);
        Assert.Empty(_slack.CallsTo("chat.postEphemeral"));
    }

    private static async Task<string?> TriageTsAsync(TicketsSlackHost host, string ticketId)
    {
        var status = host.Services.GetRequiredService<EngageBot.Channels.Outbox.IOutboxStatus>();
        string? ts = null;
        await ClockedEventually.TrueAsync(host.Time, () => (ts = status.GetAsync(TriageCardPublisher.PostKey(ticketId)).Result?.Message?.MessageId) is not null, TimeSpan.FromSeconds(15));
        return ts;
    }

    private static async Task<Ticket> TicketAsync(TicketsSlackHost host)
    {
        Ticket? ticket = null;
        var tickets = host.Services.GetRequiredService<TicketService>();
        await ClockedEventually.TrueAsync(host.Time, () => (ticket = tickets.FindByMessageAsync(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), RootTs, default).Result) is not null,
            TimeSpan.FromSeconds(15));
        return ticket!;
    }

    private static Task EventuallyStatusAsync(TicketsSlackHost host, string id, TicketStatus status)
    {
        var tickets = host.Services.GetRequiredService<TicketService>();
        return ClockedEventually.TrueAsync(host.Time, () => tickets.Store.GetAsync(id, default).Result?.Status == status, TimeSpan.FromSeconds(15));
    }

    private async Task<RecordedSlackCall> EventuallySingleAsync(TicketsSlackHost host, string method, Func<RecordedSlackCall, bool> match)
    {
        await ClockedEventually.TrueAsync(host.Time, () => _slack.CallsTo(method).Any(match), TimeSpan.FromSeconds(15));
        return Assert.Single(_slack.CallsTo(method), c => match(c));
    }
}
