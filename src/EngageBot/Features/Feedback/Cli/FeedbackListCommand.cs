using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Cli;

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
        if (CliListArguments.Parse(this, args, time.GetUtcNow(), TimeSpan.FromDays(30), error) is not { } options) return 2;
        var (partner, since, json) = options;

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
                CliListing.Cell(r.PartnerId, 16),
                CliListing.Cell(Describe(r), 14),
                (r.Rating is { } rating ? $"{rating}/5" : "-").PadRight(6),
                CliListing.Cell(r.Category?.ToString().ToLowerInvariant() ?? "-", 10),
                CliListing.Cell(r.Author?.Name ?? "-", 18),
                CliListing.Cell(r.LoggedBy?.Name ?? "-", 18),
                CliListing.Cell(r.Text, 80).TrimEnd()));
        }
    }

    private static string Describe(FeedbackEntry e) => e.Source switch
    {
        FeedbackSource.CheckInAnswer => "check-in",
        FeedbackSource.TicketRating => e.SourceId,
        _ => "logged",
    };
}
