using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : FeedbackStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IRecordStore CreateStore() => new SqliteRecordStore(_dir.File(Guid.NewGuid().ToString("N") + ".db"));

    public void Dispose() => _dir.Dispose();
}
