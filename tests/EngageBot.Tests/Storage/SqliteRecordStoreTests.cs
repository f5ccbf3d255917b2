using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Storage;

public sealed class SqliteRecordStoreTests : RecordStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IRecordStore CreateStore() => new SqliteRecordStore(_dir.File("store.db"));

    public void Dispose() => _dir.Dispose();
}
