using System.Net;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Tests.Slack;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.Tickets.EndToEnd;

/// <summary>
/// Issue 20 item 9 as it was found: a partner invited into our workspace as a guest (in Acme's channel) tried to list
/// Globex's tickets and to resolve one with a crafted button payload. The real host, features and stores; the fake Slack.
/// </summary>
public sealed class SlackGuestTicketAccessTests : IAsyncLifetime
{
    private const string GlobexChannel = "C0GLOBEX01";
    private const string GlobexTeam = "T0GLOBEX";
    private const string GlobexUser = "U0GLOBEX01";
    private const string Guest = "U0ACMEGST1";
    private const string GlobexQuestion = "How do we renew the Globex reseller certificate?";

    // Acme as in the ticket end-to-end tests, and Globex beside it.
    private static readonly string Directory = SlackTicketEndToEndTests.Directory.TrimEnd() + $$"""

          - id: globex
            name: Globex
            tier: gold
            timezone: UTC
            onboarded: 2025-01-06
            owner: olivia.owner
            ticket_mode: questions_only
            slack:
              team_ids: [{{GlobexTeam}}]
              channels: [{{GlobexChannel}}]
              triage_channel: C0TRIAGEGX
        """;

    private FakeSlackServer _slack = null!;
    private TicketsSlackHost _host = null!;
    private Ticket _globexTicket = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser(GlobexUser, GlobexTeam, name: "Gil Globex");
        _slack.AddUser(Guest, SlackHost.OurTeam, name: "Ada Acme (guest)", isUltraRestricted: true);
        _slack.AddUser(SlackPayloads.InternalUser, SlackHost.OurTeam, name: "Olivia Owner");
        _host = new TicketsSlackHost(_slack);
        _ = _host.Server;
        var imported = await _host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        var question = SlackPayloads.Message("1793610000.000100", GlobexQuestion, user: GlobexUser, team: GlobexTeam);
        question["channel"] = GlobexChannel;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(question, "EvGlobex1")).StatusCode);
        var tickets = _host.Services.GetRequiredService<TicketService>();
        Ticket? found = null;
        await ClockedEventually.TrueAsync(_host.Time, () => (found = tickets.FindByMessageAsync(new ConversationRef(ChatPlatform.Slack, GlobexChannel), "1793610000.000100", default).Result) is not null,
            TimeSpan.FromSeconds(15));
        _globexTicket = found!;
        // The triage card is out before the attacks, so every later Slack call is an answer to them.
        var status = _host.Services.GetRequiredService<IOutboxStatus>();
        await ClockedEventually.TrueAsync(_host.Time, () => status.GetAsync(TriageCardPublisher.PostKey(_globexTicket.Id)).Result?.State == OutboxState.Delivered, TimeSpan.FromSeconds(15));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_guest_cannot_resolve_another_partners_ticket_with_a_crafted_button_payload()
    {
        var payload = SlackPayloads.BlockActions(CardVerbs.TicketResolve, $$"""{"ticketId":"{{_globexTicket.Id}}"}""", "1793610000.000900", user: Guest, team: SlackHost.OurTeam);

        var response = await _host.PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await _host.Services.GetRequiredService<TicketService>().Store.GetAsync(_globexTicket.Id, default);
        Assert.Equal(TicketStatus.Open, ticket!.Status);
    }

    [Theory]
    [InlineData("tickets globex")]
    [InlineData("ticket {0}")]
    [InlineData("resolve {0}")]
    [InlineData("close {0}")]
    public async Task A_guest_in_one_partners_channel_learns_nothing_of_another_partners_tickets_and_changes_none(string text)
    {
        var seen = _slack.Calls.Count;
        var trigger = Guid.NewGuid().ToString("N");
        var form = SlackEntryPoints.Command(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, _globexTicket.Id), Guest, SlackHost.OurTeam,
            triggerId: trigger);

        Assert.Equal(HttpStatusCode.OK, (await _host.PostSignedAsync("/api/slack/commands", form, "application/x-www-form-urlencoded")).StatusCode);

        var status = _host.Services.GetRequiredService<IOutboxStatus>();
        await ClockedEventually.TrueAsync(_host.Time, () => status.GetAsync($"ticket-cmd|slack:command:{trigger}").Result?.State == OutboxState.Delivered, TimeSpan.FromSeconds(15));
        var answers = _slack.Calls.Skip(seen).ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, c => Assert.DoesNotContain(GlobexQuestion, c.Body));
        Assert.All(answers, c => Assert.DoesNotContain("Globex", c.Body));
        var ticket = await _host.Services.GetRequiredService<TicketService>().Store.GetAsync(_globexTicket.Id, default);
        Assert.Equal(TicketStatus.Open, ticket!.Status);
    }
}
