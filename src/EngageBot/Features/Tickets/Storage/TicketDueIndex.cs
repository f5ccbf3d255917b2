using System.Globalization;
using System.Runtime.CompilerServices;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Storage;

namespace EngageBot.Features.Tickets.Storage;

// Key scheme (table TicketSlaDue)
//   PK "due-yyyyMMddHH" (UTC hour the entry fires in), RK "{fire instant UTC ticks:D19}|{ticket id}|{threshold key}";
//   properties TicketId, Key, DueAt (the threshold's own due time; the fire instant is later when a nudge
//   waits for the recipient's working hours).
//   PK "cursor", RK "sweep": the oldest hour bucket that may still hold entries.
// The sweep reads buckets from the cursor to the current hour, each only up to "now" in row-key order, so
// its cost follows the number of entries due, never the number of open tickets. Entries are never written
// into the past (a late entry goes into the current bucket) and the cursor trails "now" by a grace period,
// so an entry written by a slightly slower clock on another instance is still swept.
public sealed class TicketDueIndex(IRecordStore store, TimeProvider time)
{
    public static readonly TimeSpan CursorGrace = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);
    private const string CursorPartition = "cursor";
    private const string CursorRow = "sweep";

    private readonly IRecordTable _table = store.Table("TicketSlaDue");

    public Task AddAsync(string ticketId, IEnumerable<SlaThreshold> thresholds, CancellationToken ct = default) =>
        Task.WhenAll(thresholds.Select(t => AddAsync(ticketId, t, t.DueAt, ct)));

    /// <summary>Indexes <paramref name="threshold"/> to fire at <paramref name="fireAt"/> (or now, if that has passed).</summary>
    public Task AddAsync(string ticketId, SlaThreshold threshold, DateTimeOffset fireAt, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return _table.UpsertAsync(ToRecord(new DueEntry(ticketId, threshold.Key, threshold.DueAt, fireAt < now ? now : fireAt)), ct);
    }

    /// <summary>Removes entries for thresholds that no longer apply (best effort: the sweeper ignores stale ones anyway).</summary>
    public Task RemoveAsync(string ticketId, IEnumerable<SlaThreshold> thresholds, CancellationToken ct = default) =>
        Task.WhenAll(thresholds.Where(t => t.DueAt > time.GetUtcNow()).Select(t => RemoveAsync(new DueEntry(ticketId, t.Key, t.DueAt, t.DueAt), ct)));

    public Task RemoveAsync(DueEntry entry, CancellationToken ct = default) =>
        _table.DeleteAsync(Bucket(entry.FireAt), RowKey(entry), cancellationToken: ct);

    /// <summary>Every entry whose fire instant is at or before <paramref name="now"/>, oldest first.</summary>
    public async IAsyncEnumerable<DueEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = await _table.GetAsync(CursorPartition, CursorRow, ct);
        var from = HourStart(cursor?.GetDateTime("Bucket") ?? now - FirstLookBack);
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        for (var hour = from; hour <= now; hour = hour.AddHours(1))
        {
            var query = new RecordQuery { PartitionKey = Bucket(hour), RowKeyBefore = before };
            await foreach (var record in _table.QueryAsync(query, ct))
                yield return FromRecord(record);
        }
    }

    /// <summary>Moves the cursor up to the grace period before <paramref name="now"/>, after a sweep drained everything older.</summary>
    public Task AdvanceCursorAsync(DateTimeOffset now, CancellationToken ct = default) =>
        _table.UpsertAsync(new StorageRecord(CursorPartition, CursorRow, new Dictionary<string, object?> { ["Bucket"] = HourStart(now - CursorGrace) }), ct);

    private static DateTimeOffset HourStart(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static string Bucket(DateTimeOffset t) => "due-" + t.ToUniversalTime().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string RowKey(DueEntry e) =>
        $"{e.FireAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{e.TicketId}|{e.Key}";

    /// <summary>The stored shape of an entry (bulk loads in benchmarks write it directly).</summary>
    internal static StorageRecord ToRecord(DueEntry e) => new(Bucket(e.FireAt), RowKey(e), new Dictionary<string, object?>
    {
        ["TicketId"] = e.TicketId,
        ["Key"] = e.Key,
        ["DueAt"] = e.DueAt,
        ["FireAt"] = e.FireAt,
    });

    private static DueEntry FromRecord(StorageRecord r) => new(
        r.GetString("TicketId") ?? "", r.GetString("Key") ?? "", r.GetDateTime("DueAt") ?? default, r.GetDateTime("FireAt") ?? default);
}

/// <summary>One due-index entry: threshold <see cref="Key"/> of a ticket, due at <see cref="DueAt"/>, acted on at <see cref="FireAt"/>.</summary>
public sealed record DueEntry(string TicketId, string Key, DateTimeOffset DueAt, DateTimeOffset FireAt);
