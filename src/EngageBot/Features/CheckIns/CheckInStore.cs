using System.Text.Json;
using EngageBot.Storage;

namespace EngageBot.Features.CheckIns;

// Key scheme (table CheckIns): PK = partner id, RK = check-in id ("ci-{partner}-{slot yyyyMMddTHHmm}"); property State
// holds the check-in as JSON and the row's ETag guards concurrent answers. Serves: a check-in by partner and id (card
// actions carry both), and a partner's check-ins (one partition, oldest first since the id sorts by slot).
public sealed class CheckInStore(IRecordStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IRecordTable _table = store.Table("CheckIns");

    public async Task<CheckIn?> GetAsync(string partnerId, string checkInId, CancellationToken ct = default) =>
        await _table.GetAsync(partnerId, checkInId, ct) is { } record ? Read(record) : null;

    /// <summary>Stores a new check-in; false when one with its id exists (another instance, or a retry, created it).</summary>
    public async Task<bool> CreateAsync(CheckIn checkIn, CancellationToken ct = default)
    {
        try
        {
            await _table.InsertAsync(Write(checkIn), ct);
            return true;
        }
        catch (RecordExistsException)
        {
            return false;
        }
    }

    /// <summary>Read-modify-write under the row's ETag; <paramref name="change"/> returns null to leave it unchanged.</summary>
    public Task<CheckIn?> UpdateAsync(string partnerId, string checkInId, Func<CheckIn, CheckIn?> change, CancellationToken ct = default) =>
        OptimisticConcurrency.RetryAsync(async token =>
        {
            if (await _table.GetAsync(partnerId, checkInId, token) is not { } record) return null;
            var current = Read(record);
            if (change(current) is not { } changed) return current;
            await _table.UpdateAsync(Write(changed) with { ETag = record.ETag }, token);
            return changed;
        }, ct);

    public async IAsyncEnumerable<CheckIn> ListAsync(string partnerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var record in _table.QueryAsync(RecordQuery.Partition(partnerId), ct)) yield return Read(record);
    }

    private static StorageRecord Write(CheckIn c) =>
        new(c.PartnerId, c.Id, new Dictionary<string, object?> { ["State"] = JsonSerializer.Serialize(c, Json), ["Answered"] = c.IsAnswered });

    private static CheckIn Read(StorageRecord r) => JsonSerializer.Deserialize<CheckIn>(r.GetString("State") ?? "{}", Json)!;
}
