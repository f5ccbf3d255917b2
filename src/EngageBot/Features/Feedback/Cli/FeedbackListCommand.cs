using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Cli;
using EngageBot.Features.Interactions;

namespace EngageBot.Features.Feedback.Cli;

/// <summary>`engagebot feedback list`: partner feedback (check-in answers, ticket ratings, logged messages), newest first.</summary>
public sealed class FeedbackListCommand(FeedbackStore store, TimeProvider time) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Verb => "feedback list";

    public string Usage => "[--partner ID] [--since TIME] [--json]   (TIME: ISO-8601 or an age like 24h, 7d, 2w; default 30d)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? partner = null;
        var since = time.GetUtcNow() - TimeSpan.FromDays(30);
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--partner" when i + 1 < args.Count:
                    partner = args[++i];
                    break;
                case "--since" when i + 1 < args.Count:
                    if (!CliTime.TryParse(args[++i], time.GetUtcNow(), out since))
                    {
                        error.WriteLine($"feedback list: --since '{args[i]}' is neither an ISO-8601 time nor an age like 7d or 24h.");
                        return 2;
                    }
                    break;
                default:
                    error.WriteLine($"feedback list: unexpected argument '{args[i]}'. Usage: feedback list {Usage}");
                    return 2;
            }
        }

        var rows = new List<FeedbackEntry>();
        await foreach (var entry in store.ListAsync(partner, since, cancellationToken: cancellationToken))
            rows.Add(entry);

        if (json)
            output.WriteLine(JsonSerializer.Serialize(rows, Json));
        else
            WriteTable(output, rows, partner, since);
        return 0;
    }

    private static void WriteTable(TextWriter output, List<FeedbackEntry> rows, string? partner, DateTimeOffset since)
    {
        output.WriteLine($"{rows.Count} feedback entr{(rows.Count == 1 ? "y" : "ies")} {(partner is null ? "for all partners" : "for partner " + partner)} since {since.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}");
        if (rows.Count == 0) return;
        output.WriteLine($"{"TIME (UTC)",-20} {"PARTNER",-16} {"SOURCE",-14} {"RATING",-6} {"CATEGORY",-10} {"FROM",-18} {"LOGGED BY",-18} TEXT");
        foreach (var r in rows)
        {
            output.WriteLine(string.Join(' ',
                r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).PadRight(20),
                Cell(r.PartnerId, 16),
                Cell(Describe(r), 14),
                (r.Rating is { } rating ? $"{rating}/5" : "-").PadRight(6),
                Cell(r.Category?.ToString().ToLowerInvariant() ?? "-", 10),
                Cell(r.Author?.Name ?? "-", 18),
                Cell(r.LoggedBy?.Name ?? "-", 18),
                Cell(r.Text, 80).TrimEnd()));
        }
    }

    private static string Describe(FeedbackEntry e) => e.Source switch
    {
        FeedbackSource.CheckInAnswer => "check-in",
        FeedbackSource.TicketRating => e.SourceId,
        _ => "logged",
    };

    // One line per row: newlines flattened, long values cut with an ellipsis.
    private static string Cell(string value, int width)
    {
        var flat = value.ReplaceLineEndings(" ").Replace('\t', ' ');
        return (flat.Length > width ? flat[..(width - 1)] + "…" : flat).PadRight(width);
    }
}
