using System.Globalization;
using System.Text.Json.Nodes;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>The in-code ticket and triage cards (Adaptive Cards 1.5).</summary>
public sealed class TicketCards : ITicketCards
{
    private const int QuestionPreview = 600;

    public JsonObject TicketCard(TicketView v) => Card(
        Heading($"Ticket {v.Id}: {v.Status}"),
        Text(Preview(v.Question)),
        Facts(("Opened by", v.OpenedBy), ("Opened", Time(v.OpenedAt)), ("With", v.AssigneeName ?? "the team")));

    public JsonObject TriageCard(TicketView v)
    {
        var body = new List<JsonNode>
        {
            Heading($"{(v.Urgent ? "🚨 " : "")}{v.PartnerName} ({v.Tier}) · {v.Id} · {v.Status}"),
            Text(Preview(v.Question)),
            Facts(("Opened by", v.OpenedBy), ("Opened", Time(v.OpenedAt)), ("Assignee", v.AssigneeName ?? "unassigned"),
                ("SLA", v.TriageSlaClock ?? "no clock running"), ("State", v.TriageSlaState ?? "ok")),
        };
        if (v.TriageNote is { Length: > 0 } note) body.Add(Text(note, "attention"));
        var card = Card([.. body]);
        var actions = new JsonArray
        {
            Execute("Assign to me", TicketVerbs.AssignToMe, v.Id),
            Execute("Resolve", TicketVerbs.Resolve, v.Id),
            Execute("Mark urgent", TicketVerbs.MarkUrgent, v.Id),
            Execute("Waiting on partner", TicketVerbs.Waiting, v.Id),
        };
        if (v.ThreadUrl is { } url) actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open thread", ["url"] = url });
        card["actions"] = actions;
        return card;
    }

    private static JsonObject Card(params JsonNode[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(body),
    };

    private static JsonObject Heading(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true };

    private static JsonObject Text(string text, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (color is not null) block["color"] = color;
        return block;
    }

    private static JsonObject Facts(params (string Title, string Value)[] facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    private static JsonObject Execute(string title, string verb, string ticketId) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = new JsonObject { [TicketVerbs.TicketIdField] = ticketId },
    };

    private static string Preview(string text) => text.Length <= QuestionPreview ? text : text[..QuestionPreview] + "…";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
