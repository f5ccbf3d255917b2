using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file (WAL mode, so readers never block the writer) holding one
/// SQL table per logical table, keyed (pk, rk) exactly like Table Storage.
/// </summary>
public sealed class SqliteRecordStore : IRecordStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly string _databasePath;
    private readonly Lazy<bool> _prepared;
    private readonly ConcurrentDictionary<string, SqliteRecordTable> _tables = new(StringComparer.OrdinalIgnoreCase);

    public SqliteRecordStore(IOptions<StorageOptions> options)
        : this(Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "engagebot.db"))
    {
    }

    public SqliteRecordStore(string databasePath)
    {
        _databasePath = Path.GetFullPath(databasePath);
        _prepared = new(Prepare);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        builder.Pooling = false;
        _writerConnectionString = builder.ToString();
        // The writer's connection is its own, not the pool's: it lives until disposal, with its own settings.
        Writer = new SqliteGroupWriter(() => Open(_writerConnectionString), new SqliteCheckpointer(Open));
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object?> _configuredHandles = new();

    /// <summary>Every write of this process goes through one group-committing writer (see <see cref="SqliteGroupWriter"/>).</summary>
    internal SqliteGroupWriter Writer { get; }

    public IRecordTable Table(string name) => _tables.GetOrAdd(name, n => new SqliteRecordTable(this, TableNames.Validate(n)));

    internal SqliteConnection Open() => Open(_connectionString);

    private SqliteConnection Open(string connectionString)
    {
        _ = _prepared.Value;
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // Pooled opens reuse the native handle, and these settings live on it: set them once per handle, not per open.
        if (_configuredHandles.TryAdd(connection.Handle!, null))
        {
            using var pragma = connection.CreateCommand();
            // busy_timeout lets a second process (another service instance, or the CLI) wait for the write lock instead of failing.
            pragma.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }
        return connection;
    }

    public void Dispose() => Writer.Dispose();

    // First use creates the folder and switches the file to WAL (a persistent setting), not the constructor.
    private bool Prepare()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
        return true;
    }
}
