using System.Globalization;
using System.Text.Json;
using EngageBot.Cli;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Cli;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.CheckIns.Cli;

/// <summary>
/// `engagebot checkins next [--partner ID] [--json]`: each partner's next check-in in UTC and in the partner's local time,
/// computed from the directory as it is now (the same rules the sweep uses), so it is right straight after an import.
/// </summary>
public sealed class CheckInsNextCommand(IPartnerDirectory directory, CheckInPlanner planner, TimeProvider time) : ICliCommand
{
    public string Verb => "checkins next";

    public string Usage => "[--partner ID] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? partnerId = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--partner" when i + 1 < args.Count: partnerId = args[++i]; break;
                default:
                    await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
                    return 2;
            }
        }
        var partners = await directory.ListPartnersAsync(cancellationToken);
        if (partnerId is not null)
        {
            partners = partners.Where(p => p.Id == partnerId).ToList();
            if (partners.Count == 0)
            {
                await error.WriteLineAsync($"no partner '{partnerId}' in the directory (see: engagebot partners list)");
                return 1;
            }
        }
        var now = time.GetUtcNow();
        var rows = new List<NextCheckIn>();
        foreach (var partner in partners)
        {
            var schedule = await planner.ScheduleForAsync(partner, cancellationToken);
            var next = schedule.NextAfter(now);
            rows.Add(new NextCheckIn(partner.Id, partner.Name, partner.CheckIn.ToString().ToLowerInvariant(), schedule.Zone.Id,
                next?.At.UtcDateTime, next is null ? null : ZoneTimes.ToLocal(schedule.Zone, next.At).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                next?.SlotKey));
        }
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, DirectoryJson.Indented));
            return 0;
        }
        await TextTable.WriteAsync(output, ["PARTNER", "CADENCE", "NEXT (UTC)", "NEXT (LOCAL)", "TIMEZONE"], rows.Select(r => new[]
        {
            r.PartnerId, r.Cadence,
            r.NextUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
            r.NextLocal?.Replace('T', ' ') ?? "-",
            r.TimeZone,
        }));
        return 0;
    }

    private sealed record NextCheckIn(string PartnerId, string Name, string Cadence, string TimeZone, DateTime? NextUtc, string? NextLocal, string? Slot);
}
