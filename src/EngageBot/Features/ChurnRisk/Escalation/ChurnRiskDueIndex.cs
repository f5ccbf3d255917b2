using System.Globalization;
using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Features.ChurnRisk.Escalation;

// Key scheme (table ChurnRiskDue), the same shape as the tickets' due index:
//   PK "due-yyyyMMddHH" (UTC hour of the ack deadline), RK "{deadline UTC ticks:D19}|{risk id}|{step key}";
//   PK "cursor", RK "sweep": the oldest hour bucket that may still hold entries.
// The sweep reads buckets from the cursor to the current hour, each only up to "now", so its cost follows the number
// of risks coming due, never the number of open risks. Entries are never written into the past and the cursor trails
// "now" by a grace period, so an entry from an instance with a slightly slower clock is still swept.
public sealed class ChurnRiskDueIndex(IRecordStore store, TimeProvider time)
{
    public static readonly TimeSpan CursorGrace = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);

    private readonly IRecordTable _table = store.Table("ChurnRiskDue");

    public Task AddAsync(RiskDueEntry entry, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return _table.UpsertAsync(ToRecord(entry.FireAt < now ? entry with { FireAt = now } : entry), ct);
    }

    public Task RemoveAsync(RiskDueEntry entry, CancellationToken ct = default) =>
        _table.DeleteAsync(Bucket(entry.FireAt), RowKey(entry), cancellationToken: ct);

    public async IAsyncEnumerable<RiskDueEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = await _table.GetAsync("cursor", "sweep", ct);
        var from = HourStart(cursor?.GetDateTime("Bucket") ?? now - FirstLookBack);
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        for (var hour = from; hour <= now; hour = hour.AddHours(1))
        {
            await foreach (var r in _table.QueryAsync(new RecordQuery { PartitionKey = Bucket(hour), RowKeyBefore = before }, ct))
                yield return new RiskDueEntry(r.GetString("RiskId") ?? "", (int)(r.GetInt64("Cycle") ?? 0), (int)(r.GetInt64("Level") ?? 0),
                    r.GetDateTime("DueAt") ?? default, r.GetDateTime("FireAt") ?? default);
        }
    }

    public Task AdvanceCursorAsync(DateTimeOffset now, CancellationToken ct = default) =>
        _table.UpsertAsync(new StorageRecord("cursor", "sweep", new Dictionary<string, object?> { ["Bucket"] = HourStart(now - CursorGrace) }), ct);

    private static DateTimeOffset HourStart(DateTimeOffset t)
    {
        var u = t.ToUniversalTime();
        return new DateTimeOffset(u.Year, u.Month, u.Day, u.Hour, 0, 0, TimeSpan.Zero);
    }

    private static string Bucket(DateTimeOffset t) => "due-" + t.ToUniversalTime().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string RowKey(RiskDueEntry e) => $"{e.FireAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{e.RiskId}|{e.StepKey}";

    private static StorageRecord ToRecord(RiskDueEntry e) => new(Bucket(e.FireAt), RowKey(e), new Dictionary<string, object?>
    {
        ["RiskId"] = e.RiskId,
        ["Cycle"] = e.Cycle,
        ["Level"] = e.Level,
        ["DueAt"] = e.DueAt,
        ["FireAt"] = e.FireAt,
    });
}

/// <summary>Escalation step <see cref="Level"/> of cycle <see cref="Cycle"/> of a risk, due at its ack deadline <see cref="DueAt"/>.</summary>
public sealed record RiskDueEntry(string RiskId, int Cycle, int Level, DateTimeOffset DueAt, DateTimeOffset FireAt)
{
    public string StepKey => $"c{Cycle}.l{Level}";

    public static RiskDueEntry? For(ChurnRisk risk) => risk is { Status: RiskStatus.Open, AckDeadline: { } due }
        ? new RiskDueEntry(risk.Id, risk.Cycle, risk.Level + 1, due, due) : null;
}
