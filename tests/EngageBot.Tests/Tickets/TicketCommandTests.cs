using EngageBot.Channels;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

public sealed class TicketCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly TicketTestHost _host;

    public TicketCommandTests() => _host = new TicketTestHost(_dir.File("tickets.db"), _clock);

    private async Task<(string Acme, string Globex)> TwoPartnersWithTicketsAsync()
    {
        var acme = await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var globex = await _host.PostAsync(TicketTestHost.Partner("U-GLOBEX", "Gil"), "Where is the Globex renewal quote?", channelId: "C-GLOBEX");
        var acmeTicket = await _host.TicketForAsync(acme);
        var globexTicket = await _host.Get<Features.Tickets.Handling.TicketService>()
            .FindByMessageAsync(new ConversationRef(ChatPlatform.Slack, "C-GLOBEX"), globex, default);
        // Breach Acme's first response so the triage view carries an SLA note.
        _clock.Advance(TimeSpan.FromHours(3));
        return (acmeTicket.Id, globexTicket!.Id);
    }

    [Fact]
    public async Task A_partner_user_lists_only_their_own_partners_tickets()
    {
        var (acme, globex) = await TwoPartnersWithTicketsAsync();
        var answer = await _host.CommandAsync(TicketTestHost.Partner(), "tickets");
        Assert.Contains(acme, answer.Message.Text);
        Assert.DoesNotContain(globex, answer.Message.Text);
        Assert.Equal((DeliveryKind.Ephemeral, "U-PARTNER"), (answer.Target.Kind, answer.Target.UserId));
    }

    [Fact]
    public async Task A_partner_user_cannot_list_or_read_another_partners_tickets()
    {
        var (_, globex) = await TwoPartnersWithTicketsAsync();
        var list = await _host.CommandAsync(TicketTestHost.Partner(), "tickets globex");
        Assert.DoesNotContain(globex, list.Message.Text);
        var detail = await _host.CommandAsync(TicketTestHost.Partner(), $"ticket {globex}");
        Assert.Equal($"No ticket {globex} here.", detail.Message.Text);
        Assert.Null(detail.Message.Card);
    }

    [Fact]
    public async Task A_partner_users_ticket_details_carry_no_triage_notes_or_SLA_internals()
    {
        var (acme, _) = await TwoPartnersWithTicketsAsync();
        var detail = await _host.CommandAsync(TicketTestHost.Partner(), $"ticket {acme}");
        var everything = detail.Message.Text + detail.Message.Card!.ToJsonString();
        Assert.Contains(acme, everything);
        foreach (var internalOnly in new[] { "SLA", "breached", "escalation", "gold", "Assign to me", "ticket.resolve" })
            Assert.DoesNotContain(internalOnly, everything, StringComparison.OrdinalIgnoreCase);

        var triage = await _host.CommandAsync(TicketTestHost.Internal(), $"ticket {acme}");
        Assert.Contains("breached", triage.Message.Card!.ToJsonString());
    }

    [Fact]
    public async Task A_partner_user_cannot_change_ticket_status()
    {
        var (acme, _) = await TwoPartnersWithTicketsAsync();
        var answer = await _host.CommandAsync(TicketTestHost.Partner(), $"resolve {acme}");
        Assert.Equal("Only the support team can change a ticket's status.", answer.Message.Text);
        Assert.Equal(Features.Tickets.Lifecycle.TicketStatus.Open, (await _host.Store.GetAsync(acme))!.Status);
    }

    [Fact]
    public async Task Internal_users_see_their_own_tickets_any_partners_tickets_and_can_resolve()
    {
        var (acme, globex) = await TwoPartnersWithTicketsAsync();
        Assert.Equal("Your open tickets: none.", (await _host.CommandAsync(TicketTestHost.Internal(), "tickets")).Message.Text);
        await _host.CommandAsync(TicketTestHost.Internal(), $"assign {acme.ToLowerInvariant()}");
        var mine = await _host.CommandAsync(TicketTestHost.Internal(), "tickets");
        Assert.Contains(acme, mine.Message.Text);
        Assert.Contains(globex, (await _host.CommandAsync(TicketTestHost.Internal(), "tickets globex")).Message.Text);

        await _host.CommandAsync(TicketTestHost.Internal(), $"resolve {acme}");
        Assert.Equal(Features.Tickets.Lifecycle.TicketStatus.Resolved, (await _host.Store.GetAsync(acme))!.Status);
        Assert.Equal("Your open tickets: none.", (await _host.CommandAsync(TicketTestHost.Internal(), "tickets")).Message.Text);
    }

    [Fact]
    public async Task Other_features_commands_are_left_alone()
    {
        await _host.Handler.HandleAsync(new CommandInvoked("evt-other", _clock.GetUtcNow(), _host.Channel(), TicketTestHost.Internal(), "/engagebot", "checkin schedule"), default);
        Assert.Empty(_host.Outbox.All);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
