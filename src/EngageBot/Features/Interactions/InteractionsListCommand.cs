using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Cli;

namespace EngageBot.Features.Interactions;

/// <summary>`engagebot interactions list`: the audit trail for one partner (or all), oldest first.</summary>
public sealed class InteractionsListCommand(IInteractionLog log, TimeProvider time) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Verb => "interactions list";

    public string Usage => "[--partner ID] [--since TIME] [--json]   (TIME: ISO-8601 or an age like 30m, 24h, 7d, 2w; default 7d)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (CliListArguments.Parse(this, args, time.GetUtcNow(), TimeSpan.FromDays(7), error) is not { } options) return 2;
        var (partner, since, json) = options;

        var rows = new List<Interaction>();
        await foreach (var interaction in log.QueryAsync(partner, since, cancellationToken: cancellationToken))
            rows.Add(interaction);

        if (json)
            output.WriteLine(JsonSerializer.Serialize(rows, Json));
        else
            WriteTable(output, rows, partner, since);
        return 0;
    }

    private static void WriteTable(TextWriter output, List<Interaction> rows, string? partner, DateTimeOffset since)
    {
        output.WriteLine($"{rows.Count} interaction(s) {(partner is null ? "for all partners" : "for partner " + partner)} since {since.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}");
        if (rows.Count == 0) return;
        output.WriteLine($"{"TIME (UTC)",-20} {"PLATFORM",-8} {"PARTNER",-16} {"DIR",-3} {"KIND",-12} {"AUTHOR",-20} TEXT");
        foreach (var r in rows)
        {
            output.WriteLine(string.Join(' ',
                r.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).PadRight(20),
                r.Platform.ToString().PadRight(8),
                CliListing.Cell(r.PartnerId ?? "-", 16),
                (r.Direction == InteractionDirection.Inbound ? "in" : "out").PadRight(3),
                CliListing.Cell(r.Kind, 12),
                CliListing.Cell(r.AuthorName ?? r.AuthorId ?? "-", 20),
                CliListing.Cell(r.Text ?? "", 80).TrimEnd()));
        }
    }
}
