using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// This process's single SQLite writer, with group commit. SQLite allows one writer at a time, and a transaction's
/// fixed cost (begin, commit, WAL append) dominates a small write such as the Slack ack path's one insert.
/// Concurrent writers therefore queue here; one drain loop applies everything queued in
/// one transaction, each caller's operations inside their own savepoint, so one caller's conflict (a duplicate
/// insert, a stale ETag) rolls back only that caller's operations. Callers hear of success only after the commit,
/// so durability is unchanged. The writer's connection and its prepared statements live until a transaction fails
/// or the store is disposed.
/// Other processes (a CLI beside the service) still meet SQLite's own lock and busy_timeout.
/// </summary>
internal sealed class SqliteGroupWriter(Func<SqliteConnection> open, SqliteCheckpointer checkpointer) : IDisposable
{
    /// <summary>Bounds one transaction, so a long queue still commits (and answers callers) steadily.</summary>
    private const int MaxGroup = 256;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _draining;
    private bool _disposed;

    // Only the drain loop (one at a time, guarded by _draining) touches these. They outlive a drain because a quiet
    // service drains one write at a time, and re-opening and re-preparing per drain cost more than the write.
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;

    /// <summary>
    /// Applies <paramref name="writes"/> atomically and returns their new ETags (empty for deletes). A storage error
    /// from operation i throws <see cref="BatchFailedException"/> when <paramref name="asBatch"/>, else the error itself.
    /// Cancellation counts only until the writer takes the request up; after that the outcome is awaited, because
    /// the write may already be committed.
    /// </summary>
    public Task<string[]> WriteAsync(IReadOnlyList<SqliteWrite> writes, bool asBatch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(writes, asBatch, cancellationToken);
        _queue.Enqueue(pending);
        // No writer running: this caller leads, on its own thread, committing its write with whatever queued beside
        // it. A quiet service thus writes without any thread hand-off; a busy one hands the rest to a pool thread.
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            Drain(until: pending);
            Release();
        }
        return pending.Outcome.Task;
    }

    /// <summary>Commits queued groups until <paramref name="until"/> has its outcome (or, when null, until the queue is empty).</summary>
    private void Drain(Pending? until)
    {
        try
        {
            if (_disposed) throw new ObjectDisposedException(nameof(SqliteRecordStore));
            _connection ??= OpenWriterConnection();
            _statements ??= new SqliteStatements(_connection);
            while (until is null ? !_queue.IsEmpty : !until.Outcome.Task.IsCompleted)
            {
                var group = TakeGroup();
                if (group.Count == 0 && _queue.IsEmpty) break; // only cancelled requests were left
                if (!CommitGroup(_statements, group))
                    CloseConnection(); // the transaction itself failed: start over on a fresh connection
            }
        }
        catch (Exception e)
        {
            // The store is disposed or the connection would not open: nothing was taken from the queue; fail what waits
            // rather than spin.
            CloseConnection();
            while (_queue.TryDequeue(out var p)) p.Outcome.TrySetException(e);
        }
    }

    private void Release()
    {
        Volatile.Write(ref _draining, 0);
        // Writes queued while this drain ran found it busy and did not start one: drain them on a pool thread, so a
        // leading caller is not kept from its own request by everyone else's. The global queue, not this thread's
        // local one: work already waiting runs first and adds its writes, so under load a commit carries 10-15 writes
        // instead of 2-5, which measured about a third less writer CPU and 15% fewer bytes to disk per write.
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static writer =>
            {
                writer.Drain(until: null);
                writer.Release();
            }, this, preferLocal: false);
    }

    private List<Pending> TakeGroup()
    {
        var group = new List<Pending>();
        while (group.Count < MaxGroup && _queue.TryDequeue(out var p))
        {
            if (p.CancellationToken.IsCancellationRequested)
                p.Outcome.TrySetCanceled(p.CancellationToken);
            else
                group.Add(p);
        }
        return group;
    }

    /// <summary>False when the transaction as a whole failed (every caller in the group has been told).</summary>
    private bool CommitGroup(SqliteStatements statements, List<Pending> group)
    {
        if (group.Count == 0) return true;
        var results = new (string[]? ETags, Exception? Error)[group.Count];
        try
        {
            statements.Control("BEGIN IMMEDIATE");
            for (var i = 0; i < group.Count; i++)
                results[i] = Apply(statements, group[i]);
            statements.Control("COMMIT");
            checkpointer.Committed();
        }
        catch (Exception e)
        {
            // Not a caller's conflict but the transaction itself (disk full, I/O, another process beyond busy_timeout): nothing committed.
            statements.RollbackIfOpen();
            foreach (var p in group) p.Outcome.TrySetException(e);
            return false;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Error is { } error) group[i].Outcome.TrySetException(error);
            else group[i].Outcome.TrySetResult(results[i].ETags!);
        }
        return true;
    }

    /// <summary>One caller's operations, all or none: a storage error rolls back to the caller's savepoint and becomes its outcome.</summary>
    private static (string[]?, Exception?) Apply(SqliteStatements statements, Pending pending)
    {
        // A single statement that fails is undone by SQLite itself; only multi-operation requests need a savepoint.
        var savepoint = pending.Writes.Count > 1;
        if (savepoint) statements.Control("SAVEPOINT w");
        var etags = new string[pending.Writes.Count];
        for (var i = 0; i < pending.Writes.Count; i++)
        {
            try
            {
                etags[i] = statements.Execute(pending.Writes[i], inBatch: pending.AsBatch);
            }
            catch (StorageException e)
            {
                if (savepoint)
                {
                    statements.Control("ROLLBACK TO w");
                    statements.Control("RELEASE w");
                }
                return (null, pending.AsBatch ? new BatchFailedException(i, e) : e);
            }
        }
        if (savepoint) statements.Control("RELEASE w");
        return (etags, null);
    }

    private SqliteConnection OpenWriterConnection()
    {
        var connection = open();
        using var command = connection.CreateCommand();
        // A 2 MB page cache (SQLite's usual default, stated so that another build's default cannot change it), kept
        // small on purpose. When an insert splits a leaf, balance_nonroot renumbers pages through a temporary key past
        // the lock-byte page (page 262,145), and the commit then truncates the cache by scanning all of it. With 64 MB
        // that scan was the largest single cost on the ack path (6% of CPU) and ack throughput fell from 0.57 to 0.47
        // of bare (slack-ack). The inbox appends at one place in its index, so 2 MB holds what the writer touches.
        command.CommandText = $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.WriterAutoCheckpointPages}; PRAGMA cache_size=-2000;";
        command.ExecuteNonQuery();
        return connection;
    }

    private void CloseConnection()
    {
        _statements?.Dispose();
        _connection?.Dispose();
        (_statements, _connection) = (null, null);
    }

    /// <summary>Closes the writer's connection once no drain runs; writes after this fail.</summary>
    public void Dispose()
    {
        _disposed = true;
        checkpointer.Dispose();
        if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            return; // the running drain sees _disposed on its next start; its connection goes with the process
        CloseConnection();
        Volatile.Write(ref _draining, 0);
    }

    private sealed record Pending(IReadOnlyList<SqliteWrite> Writes, bool AsBatch, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<string[]> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
