using System.Text.Json.Nodes;
using EngageBot.Features.Tickets.Cards;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

/// <summary>The triage card as the ticket feature fills it: SLA facts people can act on, and only buttons that still apply.</summary>
public sealed class TriageCardTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TicketTestHost _host;

    // Monday 2026-11-02 09:00 UTC = 10:00 Berlin; Acme: first response 2h (due 11:00 UTC), warning at 75% (10:30 UTC).
    public TriageCardTests() => _host = new TicketTestHost(_dir.File("tickets.db"), new ManualTimeProvider());

    private async Task<JsonObject> TriageCardAsync(string rootMessageId)
    {
        var ticket = await _host.TicketForAsync(rootMessageId);
        return _host.Get<ITicketCards>().TriageCard(_host.Get<TicketViewFactory>().Create(ticket, TicketTestHost.Acme()));
    }

    private static string Fact(JsonObject card, string title) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray().OfType<JsonObject>())
            .Single(f => (string?)f["title"] == title)["value"]!.GetValue<string>();

    [Fact]
    public async Task Warning_at_shows_a_date_with_the_time_and_time_left_shows_a_duration()
    {
        var root = await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _host.Clock.Advance(TimeSpan.FromMinutes(30));

        var card = await TriageCardAsync(root);

        Assert.Equal("{{DATE(2026-11-02T10:30:00Z,SHORT)}} {{TIME(2026-11-02T10:30:00Z)}}", Fact(card, "Warning at"));
        Assert.Equal("1h 30m left (first response)", Fact(card, "Time left"));
    }

    [Fact]
    public async Task A_breached_clock_says_how_long_it_is_overdue()
    {
        var root = await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _host.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(20));

        var card = (await TriageCardAsync(root)).ToJsonString();

        Assert.Contains("\"value\":\"overdue by 20m (first response)\"", card);
        Assert.Contains("SLA breached: overdue by 20m (first response).", card);
    }

    [Fact]
    public async Task A_resolved_ticket_card_no_longer_offers_mark_urgent()
    {
        var root = await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        Assert.Contains($"\"verb\":\"{TicketVerbs.MarkUrgent}\"", (await TriageCardAsync(root)).ToJsonString());

        await _host.ReactAsync(TicketTestHost.Internal(), root, "white_check_mark");
        var resolved = (await TriageCardAsync(root)).ToJsonString();

        Assert.Contains("Resolved", resolved);
        Assert.DoesNotContain(TicketVerbs.MarkUrgent, resolved);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
