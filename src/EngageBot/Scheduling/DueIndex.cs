using System.Globalization;
using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Scheduling;

// Key scheme (one table per feature, e.g. TicketSlaDue, ChurnRiskDue, CheckInDue):
//   PK "due-yyyyMMddHH" (UTC hour the entry fires in), RK "{fire instant UTC ticks:D19}|{subject}|{step}";
//   properties Subject, Step, DueAt (the moment the entry is about; the fire instant is later when work waits for
//   someone's working hours), FireAt.
//   PK "cursor", RK "sweep": the oldest hour bucket that may still hold entries.
// A sweep reads buckets from the cursor to the current hour, each only up to "now" in row-key order, so its cost
// follows the number of entries due, never the number of subjects that exist. Entries are never written into the
// past (a late entry goes into the current bucket) and the cursor trails "now" by a grace period, so an entry
// written by an instance with a slightly slower clock is still swept.
public sealed class DueIndex(IRecordStore store, TimeProvider time, string tableName)
{
    public static readonly TimeSpan CursorGrace = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);
    private const string CursorPartition = "cursor";
    private const string CursorRow = "sweep";

    private readonly IRecordTable _table = store.Table(tableName);

    public string TableName => tableName;

    /// <summary>Indexes <paramref name="entry"/> at its fire instant, or now if that has passed.</summary>
    public Task AddAsync(DueEntry entry, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return _table.UpsertAsync(ToRecord(entry.FireAt < now ? entry with { FireAt = now } : entry), ct);
    }

    public Task RemoveAsync(DueEntry entry, CancellationToken ct = default) =>
        _table.DeleteAsync(Bucket(entry.FireAt), RowKey(entry), cancellationToken: ct);

    /// <summary>Moves an entry to fire again at <paramref name="fireAt"/> (a retry, a deferral to working hours).</summary>
    public async Task RescheduleAsync(DueEntry entry, DateTimeOffset fireAt, CancellationToken ct = default)
    {
        await AddAsync(entry with { FireAt = fireAt }, ct);
        await RemoveAsync(entry, ct);
    }

    /// <summary>Every entry whose fire instant is at or before <paramref name="now"/>, oldest bucket first.</summary>
    public async IAsyncEnumerable<DueEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = await _table.GetAsync(CursorPartition, CursorRow, ct);
        var from = HourStart(cursor?.GetDateTime("Bucket") ?? now - FirstLookBack);
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        for (var hour = from; hour <= now; hour = hour.AddHours(1))
        {
            await foreach (var record in _table.QueryAsync(new RecordQuery { PartitionKey = Bucket(hour), RowKeyBefore = before }, ct))
                yield return FromRecord(record);
        }
    }

    /// <summary>
    /// The loop of every sweep: acts on each entry due at <paramref name="now"/> (read first, so acting may write to the
    /// index), removes it once the action completed (unless <paramref name="removeWhenDone"/> is false: the action moves
    /// it itself), and when the action throws, reports it through <paramref name="failed"/> and retries the entry after
    /// <see cref="RetryDelay"/>; then moves the cursor on. Returns how many entries were due.
    /// </summary>
    public async Task<int> SweepAsync(
        DateTimeOffset now,
        Func<DueEntry, CancellationToken, Task> act,
        Action<DueEntry, Exception> failed,
        CancellationToken ct,
        bool removeWhenDone = true)
    {
        var due = new List<DueEntry>();
        await foreach (var entry in ReadDueAsync(now, ct)) due.Add(entry);
        foreach (var entry in due)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await act(entry, ct);
                if (removeWhenDone) await RemoveAsync(entry, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(entry, e);
                await RescheduleAsync(entry, now + RetryDelay, ct);
            }
        }
        await AdvanceCursorAsync(now, ct);
        return due.Count;
    }

    /// <summary>How long a failed entry waits before the next sweep tries it again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>Moves the cursor up to the grace period before <paramref name="now"/>, after a sweep drained everything older.</summary>
    public Task AdvanceCursorAsync(DateTimeOffset now, CancellationToken ct = default) =>
        _table.UpsertAsync(new StorageRecord(CursorPartition, CursorRow, new Dictionary<string, object?> { ["Bucket"] = HourStart(now - CursorGrace) }), ct);

    /// <summary>The stored shape of an entry (bulk loads in benchmarks write it directly).</summary>
    public static StorageRecord ToRecord(DueEntry e) => new(Bucket(e.FireAt), RowKey(e), new Dictionary<string, object?>
    {
        ["Subject"] = e.Subject,
        ["Step"] = e.Step,
        ["DueAt"] = e.DueAt,
        ["FireAt"] = e.FireAt,
    });

    // Rows written before the index was shared carried TicketId/Key or RiskId instead; the row key holds both parts either way.
    private static DueEntry FromRecord(StorageRecord r)
    {
        var first = r.RowKey.IndexOf('|', StringComparison.Ordinal);
        var last = r.RowKey.LastIndexOf('|');
        var subject = r.GetString("Subject") ?? (last > first ? r.RowKey[(first + 1)..last] : "");
        var step = r.GetString("Step") ?? (last > first ? r.RowKey[(last + 1)..] : "");
        return new DueEntry(subject, step, r.GetDateTime("DueAt") ?? default, r.GetDateTime("FireAt") ?? default);
    }

    private static DateTimeOffset HourStart(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static string Bucket(DateTimeOffset t) => "due-" + t.ToUniversalTime().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string RowKey(DueEntry e) => $"{e.FireAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{e.Subject}|{e.Step}";
}
