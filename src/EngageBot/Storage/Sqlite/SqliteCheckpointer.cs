using Microsoft.Data.Sqlite;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file once a second, after writes, on its own connection. Left to SQLite,
/// the checkpoint (page copies plus an fsync) runs inside whichever commit crosses 1,000 WAL pages, stalling the
/// single writer and every caller queued behind it; here it runs beside the writer, which WAL mode allows.
/// The writer keeps a much larger automatic threshold as a backstop, should this stop keeping up.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    public const int WriterAutoCheckpointPages = 20_000;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Func<SqliteConnection> _open;
    private readonly Timer _timer;
    private int _dirty;
    private int _running;

    public SqliteCheckpointer(Func<SqliteConnection> open)
    {
        _open = open;
        _timer = new Timer(_ => Checkpoint(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Called after each commit: schedules a checkpoint within a second (the first commit starts the clock).</summary>
    public void Committed()
    {
        if (Interlocked.Exchange(ref _dirty, 1) == 0)
            _timer.Change(Interval, Timeout.InfiniteTimeSpan);
    }

    private void Checkpoint()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            _timer.Change(Interval, Timeout.InfiniteTimeSpan); // still busy with the last one: try again later
            return;
        }
        try
        {
            Volatile.Write(ref _dirty, 0);
            using var connection = _open();
            using var command = connection.CreateCommand();
            // PASSIVE: copies what no reader still needs, never waits on readers or the writer.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Busy or I/O trouble: the next commit schedules another attempt, and the writer's backstop still applies.
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
