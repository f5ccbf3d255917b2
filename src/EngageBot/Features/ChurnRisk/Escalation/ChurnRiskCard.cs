using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// The internal DM card (cards/churn-risk.json): severity, evidence with links, owner, status; the buttons follow the
/// status (Acknowledge only while open, nothing once resolved) so a replaced card can't be pressed twice by accident.
/// </summary>
public sealed class ChurnRiskCard(CardLibrary cards, IPartnerDirectory directory)
{
    public async Task<OutboundMessage> MessageAsync(ChurnRisk risk, string heading, CancellationToken ct)
    {
        var card = await CardAsync(risk, ct);
        var subject = risk.Customer is null ? PartnerName(await directory.GetPartnerAsync(risk.PartnerId, ct), risk) : $"{risk.Customer}";
        return new OutboundMessage($"{heading}: {risk.Severity.ToString().ToLowerInvariant()} churn risk {risk.Id} ({subject})", card, risk.PartnerId);
    }

    /// <param name="reassigning">Show the "reassign to" input and its confirm button instead of the usual actions.</param>
    public async Task<JsonObject> CardAsync(ChurnRisk risk, CancellationToken ct, bool reassigning = false) =>
        cards.Expand(CardNames.ChurnRisk, await DataAsync(risk, ct, reassigning));

    /// <summary>The template's data for <paramref name="risk"/> (also what its Slack forms are expanded with).</summary>
    public async Task<JsonObject> DataAsync(ChurnRisk risk, CancellationToken ct, bool reassigning = false)
    {
        var partner = await directory.GetPartnerAsync(risk.PartnerId, ct);
        var owner = await directory.GetPersonAsync(risk.OwnerId, ct);
        var manager = partner is null ? null : await directory.GetPersonAsync(partner.OwnerId, ct);
        var first = risk.Evidence.FirstOrDefault(e => e.Link is not null);
        var data = new JsonObject
        {
            ["risk"] = new JsonObject
            {
                ["id"] = risk.Id,
                ["severity"] = risk.Severity.ToString().ToLowerInvariant(),
                ["status"] = risk.Status switch
                {
                    RiskStatus.Resolved => "Resolved",
                    RiskStatus.Acknowledged => "Acknowledged",
                    _ => "Open",
                },
                ["statusText"] = StatusText(risk),
                ["mode"] = reassigning ? "reassign" : "view",
                ["customer"] = risk.Customer,
                ["owner"] = owner?.Name ?? risk.OwnerId,
                ["detectedAt"] = CardText.IsoUtc(risk.OpenedAt),
                ["threadUrl"] = first?.Link ?? "",
                ["partner"] = new JsonObject
                {
                    ["id"] = risk.PartnerId,
                    ["name"] = partner?.Name ?? risk.PartnerId,
                    ["tier"] = partner?.Tier ?? "",
                    ["manager"] = manager?.Name ?? partner?.OwnerId ?? "",
                },
                ["evidence"] = new JsonArray(risk.Evidence.Select(e => (JsonNode)new JsonObject
                {
                    ["quote"] = e.Quote,
                    ["author"] = e.Author ?? "unknown",
                    ["postedAt"] = CardText.IsoUtc(e.At),
                    ["url"] = e.Link ?? "",
                }).ToArray()),
            },
        };
        if (data["risk"]!["customer"] is null) data["risk"]!.AsObject().Remove("customer");
        return data;
    }

    private static string StatusText(ChurnRisk risk) => risk.Status switch
    {
        RiskStatus.Resolved => $"Resolved ({risk.Outcome?.Text()})",
        RiskStatus.Acknowledged => "Acknowledged",
        _ => "Open",
    };

    private static string PartnerName(Directory.Model.Partner? partner, ChurnRisk risk) => partner?.Name ?? risk.PartnerId;
}
