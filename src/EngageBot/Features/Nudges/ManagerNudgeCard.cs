using System.Globalization;
using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Features.Nudges;

/// <summary>The daily nudge card (cards/nudge-digest.json): one block per partner, one line per reason with its link.</summary>
public sealed class ManagerNudgeCard(CardLibrary cards)
{
    public JsonObject Card(ManagerNudge nudge) => cards.Expand(CardNames.NudgeDigest, Data(nudge));

    public static JsonObject Data(ManagerNudge nudge)
    {
        var partners = new JsonArray();
        foreach (var line in nudge.Partners) partners.Add(Partner(line));
        return new JsonObject
        {
            ["manager"] = new JsonObject { ["name"] = nudge.Owner.Name },
            ["day"] = nudge.Day.ToString("dddd d MMMM", CultureInfo.InvariantCulture),
            ["partnerCount"] = nudge.Partners.Count,
            ["partners"] = partners,
        };
    }

    /// <summary>The notification text (the card's fallback) for <paramref name="nudge"/>.</summary>
    public static string Summary(ManagerNudge nudge) =>
        $"{nudge.Partners.Count} of your partners need you today: {string.Join(", ", nudge.Partners.Select(p => p.PartnerName))}";

    private static JsonObject Partner(PartnerNudgeLine line)
    {
        var reasons = new JsonArray();
        foreach (var r in line.Reasons)
            reasons.Add(new JsonObject { ["kind"] = r.Kind.ToString(), ["text"] = r.Text, ["linkText"] = r.LinkText, ["url"] = r.Url });
        return new JsonObject { ["id"] = line.PartnerId, ["name"] = line.PartnerName, ["url"] = line.ChannelUrl ?? "", ["health"] = line.Health ?? "", ["reasons"] = reasons };
    }
}
