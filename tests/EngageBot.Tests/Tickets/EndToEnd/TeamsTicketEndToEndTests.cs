using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Tests.Teams;
using EngageBot.TestSupport.FakeTeams;
using Quartz;

namespace EngageBot.Tests.Tickets.EndToEnd;

/// <summary>
/// A ticket's whole life on Teams through the real host: authenticated activities into the real inbox, the ticket
/// feature over the imported directory, the triage card's buttons, the real outbox calling a loopback fake Connector.
/// </summary>
public sealed class TeamsTicketEndToEndTests : IAsyncLifetime
{
    private const string PartnerChannel = "19:partner@thread.tacv2";
    private const string TriageChannel = "19:triage@thread.tacv2";
    private const string PartnerTenant = "0a0b0c0d-0000-0000-0000-00000000beef";
    private const string PartnerAad = "6f2c5e1a-0000-0000-0000-0000000000bb";
    private const string OwnerAad = "6f2c5e1a-0000-0000-0000-0000000000aa";
    private const string RootId = "1793610000001";

    private static readonly string Directory = $$"""
        version: 1
        policies:
          - tier: gold
            warning_at: 0.5
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        people:
          - id: olivia.owner
            name: Olivia Owner
            teams_aad_object_id: {{OwnerAad}}
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
            teams:
              tenant_ids: [{{PartnerTenant}}]
              channels: ["{{PartnerChannel}}"]
              triage_channel: "{{TriageChannel}}"
        """;

    private FakeBotFrameworkAuthority _authority = null!;
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _authority = await FakeBotFrameworkAuthority.StartAsync("msteams");
        _connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _authority.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_partner_question_lives_through_nudge_reply_waiting_resolve_and_reopen_with_the_triage_card_updated_in_place()
    {
        await using var host = new TicketsTeamsHost(_authority, _connector);
        _ = host.Server;
        var result = await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(BotAdded(TriageChannel))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Message(RootId, RootId, "How do I rotate the API key?", PartnerAad, PartnerTenant))).StatusCode);
        var ticket = await TicketAsync(host);
        var triageId = await TriageActivityIdAsync(host, ticket.Id);
        Assert.Single(Requests("POST", $"/v3/conversations/{Uri.EscapeDataString(TriageChannel)}/activities"));

        // 10:05 is past the warning (10:00), before the breach (11:00), in the owner's working hours: one nudge.
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 10, 5, 0, TimeSpan.Zero));
        // Through the host's own Quartz job this time (the Slack test calls the sweeper directly).
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(TicketSlaSweepJob.Key);
        await ClockedEventually.TrueAsync(host.Time, () => DirectMessages().Count == 1, TimeSpan.FromSeconds(15));

        await host.PostActivityAsync(Message("1793610000002", RootId, "You rotate it under Settings > Keys.", OwnerAad, TeamsHost.TenantId));
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Responded);

        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Press("f:invoke-waiting", CardVerbs.TicketWaiting, ticket.Id, triageId))).StatusCode);
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.WaitingOnPartner);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Press("f:invoke-resolve", CardVerbs.TicketResolve, ticket.Id, triageId))).StatusCode);
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Resolved);

        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
        await host.PostActivityAsync(Message("1793610000003", RootId, "Sorry, it still fails for one key.", PartnerAad, PartnerTenant));
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Reopened);

        var cardUpdate = $"/v3/conversations/{Uri.EscapeDataString(TriageChannel)}/activities/{Uri.EscapeDataString(triageId)}";
        await ClockedEventually.TrueAsync(host.Time, () => Requests("PUT", "").Any(r => r.Body?.ToJsonString().Contains("Reopened", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(15));
        Assert.All(Requests("PUT", ""), r => Assert.Equal(cardUpdate, r.RawTarget));
        Assert.Single(Requests("POST", $"/v3/conversations/{Uri.EscapeDataString(TriageChannel)}/activities"));
        Assert.Single(DirectMessages());
        Assert.Single(Requests("POST", "/v3/conversations"), r => r.RawTarget == "/v3/conversations");
    }

    [Fact]
    public async Task A_bot_command_typed_in_the_partner_channel_answers_the_asker_by_dm_and_opens_no_ticket()
    {
        await using var host = new TicketsTeamsHost(_authority, _connector);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        var command = MentionCommand(RootId, RootId, "<at>EngageBot</at> tickets acme", OwnerAad, TeamsHost.TenantId);

        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(command)).StatusCode);

        // Teams has no ephemeral messages: the ticket feature's private answer arrives as a DM.
        await ClockedEventually.TrueAsync(host.Time,
            () => DirectMessages().Any(r => r.Body?.ToJsonString().Contains("Open tickets of Acme Corp: none.", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(15));
        Assert.Null(await host.Services.GetRequiredService<TicketService>().FindByMessageAsync(new ConversationRef(ChatPlatform.Teams, PartnerChannel), RootId, default));
    }

    [Fact]
    public async Task A_triage_card_for_a_triage_channel_the_bot_never_heard_from_is_posted_there_and_updated_in_place()
    {
        await using var host = new TicketsTeamsHost(_authority, _connector);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        // Installing the app in the team announced the partner's channel only, as Teams does.
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(BotAdded(PartnerChannel))).StatusCode);

        await host.PostActivityAsync(Message(RootId, RootId, "How do I rotate the API key?", PartnerAad, PartnerTenant));
        var ticket = await TicketAsync(host);
        var triageId = await TriageActivityIdAsync(host, ticket.Id);

        var created = Assert.Single(CreatedInChannel(TriageChannel));
        Assert.True(created.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(TeamsHost.TenantId, created.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Contains(ticket.Id, created.Body["activity"]!.ToJsonString());
        // Our reply changes the ticket, and the card it posted is replaced in place.
        await host.PostActivityAsync(Message("1793610000002", RootId, "You rotate it under Settings > Keys.", OwnerAad, TeamsHost.TenantId));
        await EventuallyStatusAsync(host, ticket.Id, TicketStatus.Responded);
        var cardUpdate = $"/v3/conversations/{Uri.EscapeDataString(TriageChannel)}/activities/{Uri.EscapeDataString(triageId)}";
        await ClockedEventually.TrueAsync(host.Time, () => Requests("PUT", cardUpdate).Count > 0, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task While_the_bot_is_not_in_the_triage_team_the_card_waits_the_owner_is_told_once_and_it_is_sent_when_the_bot_is_added()
    {
        await using var host = new TicketsTeamsHost(_authority, _connector);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        await host.PostActivityAsync(BotAdded(PartnerChannel));
        _connector.Block(TriageChannel);

        await host.PostActivityAsync(Message(RootId, RootId, "How do I rotate the API key?", PartnerAad, PartnerTenant));
        var ticket = await TicketAsync(host);
        await ClockedEventually.TrueAsync(host.Time, () => Told().Count == 1, TimeSpan.FromSeconds(15));
        Assert.Contains("triage channel of Acme Corp", Told()[0].Body!.ToJsonString());
        var status = host.Services.GetRequiredService<IOutboxStatus>();
        Assert.Equal(OutboxState.Queued, (await status.GetAsync(TriageCardPublisher.PostKey(ticket.Id)))!.State);

        // Still waiting hours later (retried on its own, not given up), and the owner is not told again.
        var tries = CreatedInChannel(TriageChannel).Count;
        host.Time.Advance(TimeSpan.FromHours(2));
        await ClockedEventually.TrueAsync(host.Time, () => CreatedInChannel(TriageChannel).Count > tries, TimeSpan.FromSeconds(15));
        Assert.Equal(OutboxState.Queued, (await status.GetAsync(TriageCardPublisher.PostKey(ticket.Id)))!.State);

        _connector.Unblock(TriageChannel);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(BotAdded(TriageChannel))).StatusCode);
        await ClockedEventually.TrueAsync(host.Time, () => status.GetAsync(TriageCardPublisher.PostKey(ticket.Id)).Result?.State == OutboxState.Delivered, TimeSpan.FromSeconds(15));
        Assert.Single(Requests("POST", $"/v3/conversations/{Uri.EscapeDataString(TriageChannel)}/activities"));
        Assert.Single(Told());
    }

    [Fact]
    public async Task The_digest_command_typed_by_the_owner_in_Teams_sends_the_digest_card_and_a_confirmation_by_direct_message()
    {
        await using var host = new TicketsTeamsHost(_authority, _connector);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        var command = MentionCommand(RootId, RootId, "<at>EngageBot</at> digest 2026-W45", OwnerAad, TeamsHost.TenantId);

        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(command)).StatusCode);

        // The directory knows the owner by AAD object id, the activity's sender id is "29:…". Teams has no ephemeral
        // messages: the confirmation is a DM too, beside the card.
        await ClockedEventually.TrueAsync(host.Time, () => DirectMessages().Count == 2, TimeSpan.FromSeconds(15));
        var card = Assert.Single(DirectMessages(), r => r.Body?["attachments"]?[0]?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive");
        Assert.Contains("Partner digest, week 2026-W45", card.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(DirectMessages(), r => r.Body?.ToJsonString().Contains("Sent you the digest for week 2026-W45", StringComparison.Ordinal) == true);
        Assert.Empty(Requests("POST", $"/v3/conversations/{Uri.EscapeDataString(PartnerChannel)}"));
    }

    [Fact]
    public async Task A_bot_command_from_a_partner_side_user_is_answered_in_its_thread_never_in_a_one_to_one_chat()
    {
        await using var host = new TicketsTeamsHost(_authority, _connector);
        _ = host.Server;
        Assert.True((await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory)).Succeeded);
        await host.PostActivityAsync(BotAdded(PartnerChannel));
        var command = MentionCommand("1793610000077", "1793610000077", "<at>EngageBot</at> help", PartnerAad, PartnerTenant);

        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(command)).StatusCode);

        var thread = $"/v3/conversations/{Uri.EscapeDataString($"{PartnerChannel};messageid=1793610000077")}/activities";
        await ClockedEventually.TrueAsync(host.Time, () => Requests("POST", thread).Count == 1, TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(Requests("POST", "/v3/conversations"), r => r.RawTarget == "/v3/conversations");
        Assert.Empty(DirectMessages());
    }

    private List<ConnectorRequest> CreatedInChannel(string channel) =>
        Requests("POST", "/v3/conversations").Where(r => r.RawTarget == "/v3/conversations" && r.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>() == channel).ToList();

    private List<ConnectorRequest> Told() =>
        DirectMessages().Where(r => r.Body?.ToJsonString().Contains("cannot post to the Teams channel", StringComparison.Ordinal) == true).ToList();

    private List<ConnectorRequest> Requests(string method, string prefix) =>
        _connector.Requests.Where(r => r.Method == method && r.RawTarget.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private List<ConnectorRequest> DirectMessages() => Requests("POST", "/v3/conversations/a%3Afake-personal-")
        .Concat(Requests("POST", "/v3/conversations/a:fake-personal-")).ToList();

    private static async Task<string> TriageActivityIdAsync(TicketsTeamsHost host, string ticketId)
    {
        var status = host.Services.GetRequiredService<IOutboxStatus>();
        string? id = null;
        await ClockedEventually.TrueAsync(host.Time, () => (id = status.GetAsync(TriageCardPublisher.PostKey(ticketId)).Result?.Message?.MessageId) is not null, TimeSpan.FromSeconds(15));
        return id!;
    }

    private static async Task<Ticket> TicketAsync(TicketsTeamsHost host)
    {
        Ticket? ticket = null;
        var tickets = host.Services.GetRequiredService<TicketService>();
        await ClockedEventually.TrueAsync(host.Time, () => (ticket = tickets.FindByMessageAsync(new ConversationRef(ChatPlatform.Teams, PartnerChannel), RootId, default).Result) is not null,
            TimeSpan.FromSeconds(15));
        return ticket!;
    }

    private static Task EventuallyStatusAsync(TicketsTeamsHost host, string id, TicketStatus status)
    {
        var tickets = host.Services.GetRequiredService<TicketService>();
        return ClockedEventually.TrueAsync(host.Time, () => tickets.Store.GetAsync(id, default).Result?.Status == status, TimeSpan.FromSeconds(15));
    }

    // A message that @mentions the bot, as Teams sends a typed command.
    private JsonObject MentionCommand(string id, string rootId, string text, string aad, string tenant)
    {
        var command = Message(id, rootId, text, aad, tenant);
        command["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "EngageBot" }, ["text"] = "<at>EngageBot</at>",
        });
        return command;
    }

    private JsonObject Message(string id, string rootId, string text, string aad, string tenant) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-02T09:00:00.000Z",
        ["text"] = text,
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + aad, ["aadObjectId"] = aad, ["name"] = aad == OwnerAad ? "Olivia Owner" : "Pat Partner", ["tenantId"] = tenant },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TeamsHost.TenantId, ["id"] = $"{PartnerChannel};messageid={rootId}",
        },
        ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "EngageBot" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId },
            ["team"] = new JsonObject { ["id"] = TeamsActivities.TeamId },
            ["channel"] = new JsonObject { ["id"] = PartnerChannel },
        },
    };

    private JsonObject BotAdded(string channel)
    {
        var activity = TeamsActivities.BotAddedToTeam(_connector.ServiceUrl);
        activity["conversation"]!["id"] = channel;
        activity["channelData"]!["settings"]!["selectedChannel"]!["id"] = channel;
        return activity;
    }

    private JsonObject Press(string activityId, string verb, string ticketId, string cardActivityId)
    {
        var activity = TeamsActivities.CardExecute(_connector.ServiceUrl, verb, new JsonObject { ["ticketId"] = ticketId });
        activity["id"] = activityId;
        activity["replyToId"] = cardActivityId;
        activity["from"] = new JsonObject { ["id"] = "29:" + OwnerAad, ["aadObjectId"] = OwnerAad, ["name"] = "Olivia Owner", ["tenantId"] = TeamsHost.TenantId };
        activity["conversation"]!["id"] = $"{TriageChannel};messageid={cardActivityId}";
        return activity;
    }
}
