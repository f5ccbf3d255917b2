using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;

namespace EngageBot.Features.ChurnRisk.Cli;

/// <summary>
/// `engagebot risks list [--partner ID] [--status S[,S…]] [--json]`: churn risks, newest first; by default the active
/// ones (open or acknowledged). Statuses: open, acknowledged, resolved, active, all.
/// </summary>
public sealed class RisksListCommand(ChurnRiskStore store, IPartnerDirectory directory) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly RiskStatus[] Active = [RiskStatus.Open, RiskStatus.Acknowledged];

    public string Verb => "risks list";

    public string Usage => "[--partner ID] [--status active|all|open|acknowledged|resolved] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await CliArguments.ParseAsync(this, args, ["--json"], ["--partner", "--status"], error) is not { } parsed) return 2;
        var (partner, json) = (parsed.Value("--partner"), parsed.Has("--json"));
        var statuses = parsed.Value("--status") is { } status ? ParseStatuses(status) : Active;
        if (statuses is null)
        {
            await error.WriteLineAsync($"engagebot risks list: unknown status '{parsed.Value("--status")}'; use one or more (comma-separated) of: active, all, open, acknowledged, resolved");
            return 2;
        }
        var risks = new List<Escalation.ChurnRisk>();
        await foreach (var risk in store.ListAllAsync(cancellationToken))
            if ((partner is null || risk.PartnerId == partner) && statuses.Contains(risk.Status))
                risks.Add(risk);
        risks.Sort((a, b) => b.OpenedAt.CompareTo(a.OpenedAt));
        var owners = new Dictionary<string, string>();
        foreach (var id in risks.Select(r => r.OwnerId).Distinct())
            owners[id] = (await directory.GetPersonAsync(id, cancellationToken))?.Name ?? id;

        if (json)
            await output.WriteLineAsync(JsonSerializer.Serialize(risks.Select(r => Row(r, owners[r.OwnerId])), Json));
        else if (risks.Count == 0)
            await output.WriteLineAsync(partner is null ? "No churn risks with that status." : $"No churn risks with that status for partner {partner}.");
        else
            await WriteTableAsync(output, risks, owners);
        return 0;
    }

    private static IReadOnlyCollection<RiskStatus>? ParseStatuses(string text)
    {
        var statuses = new HashSet<RiskStatus>();
        foreach (var word in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "all": statuses.UnionWith(Enum.GetValues<RiskStatus>()); break;
                case "active": statuses.UnionWith(Active); break;
                case var w when Enum.TryParse<RiskStatus>(w, ignoreCase: true, out var s) && !int.TryParse(w, out _): statuses.Add(s); break;
                default: return null;
            }
        }
        return statuses.Count == 0 ? null : statuses;
    }

    private static async Task WriteTableAsync(TextWriter output, List<Escalation.ChurnRisk> risks, Dictionary<string, string> owners)
    {
        await output.WriteLineAsync($"{"ID",-14} {"PARTNER",-16} {"SUBJECT",-22} {"SEVERITY",-8} {"STATUS",-15} {"OWNER",-18} {"OPENED (UTC)",-16} LATEST EVIDENCE");
        foreach (var r in risks)
        {
            var status = r.Status == RiskStatus.Resolved && r.Outcome is { } outcome ? $"resolved:{outcome.Text()}" : r.Status.ToString().ToLowerInvariant();
            await output.WriteLineAsync(string.Join(' ',
                CliListing.Cell(r.Id, 14), CliListing.Cell(r.PartnerId, 16), CliListing.Cell(r.Customer ?? "(partner)", 22), CliListing.Cell(r.Severity.ToString().ToLowerInvariant(), 8),
                CliListing.Cell(status, 15), CliListing.Cell(owners[r.OwnerId], 18), r.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).PadRight(16),
                CliListing.Cell(r.Evidence.LastOrDefault()?.Quote ?? "", 60).TrimEnd()));
        }
    }

    private static object Row(Escalation.ChurnRisk r, string ownerName) => new
    {
        r.Id,
        r.PartnerId,
        r.Kind,
        r.Customer,
        r.Severity,
        r.Status,
        Outcome = r.Outcome?.Text(),
        r.OwnerId,
        OwnerName = ownerName,
        r.Platform,
        r.OpenedAt,
        r.LastSignalAt,
        r.AckDeadline,
        r.AcknowledgedBy,
        EscalationLevel = r.Level,
        r.Cycle,
        Evidence = r.Evidence.Select(e => new { e.Source, e.Quote, e.Author, e.At, e.Link }),
    };
}
