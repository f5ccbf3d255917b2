using System.Text.Json;
using System.Threading.Channels;
using EngageBot.Channels;
using EngageBot.Storage;

namespace EngageBot.Benchmarks.SlackAck;

/// <summary>
/// Stands in for the real inbox when none is registered (it lands from another branch). Durable with group commit:
/// concurrent accepts are written together as one atomic batch (≤100, one partition) and each caller returns only
/// after its batch committed. A batch that hits an existing key (a duplicate) falls back to one insert per event,
/// so dedup stays exact.
/// </summary>
internal sealed class DurableBenchmarkInbox : IInbox, IAsyncDisposable
{
    private const int MaxBatch = 100;
    private readonly IRecordTable _table;
    private readonly Channel<(StorageRecord Record, TaskCompletionSource<bool> Done)> _pending =
        Channel.CreateUnbounded<(StorageRecord, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public DurableBenchmarkInbox(IRecordStore store)
    {
        _table = store.Table("benchinbox");
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task<bool> AcceptAsync(ChatEvent chatEvent, CancellationToken cancellationToken = default)
    {
        var record = new StorageRecord("slack", chatEvent.DedupKey, new Dictionary<string, object?>
        {
            ["Type"] = chatEvent.GetType().Name,
            ["Payload"] = JsonSerializer.Serialize(chatEvent, chatEvent.GetType()),
            ["ReceivedAt"] = chatEvent.Timestamp,
        });
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _pending.Writer.WriteAsync((record, done), cancellationToken);
        return await done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(StorageRecord Record, TaskCompletionSource<bool> Done)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await _table.SubmitBatchAsync(batch.Select(b => RecordOperation.Insert(b.Record)).ToList());
                foreach (var b in batch) b.Done.TrySetResult(true);
            }
            catch (BatchFailedException)
            {
                foreach (var b in batch) await InsertOneAsync(b.Record, b.Done);
            }
            catch (Exception e)
            {
                foreach (var b in batch) b.Done.TrySetException(e);
            }
        }
    }

    private async Task InsertOneAsync(StorageRecord record, TaskCompletionSource<bool> done)
    {
        try
        {
            await _table.InsertAsync(record);
            done.TrySetResult(true);
        }
        catch (RecordExistsException)
        {
            done.TrySetResult(false);
        }
        catch (Exception e)
        {
            done.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }
}
