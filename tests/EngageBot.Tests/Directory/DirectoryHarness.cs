using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Store;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Directory;

/// <summary>The directory's real store, reader and importer over a fresh SQLite file and a hand-moved clock.</summary>
internal sealed class DirectoryHarness : IDisposable
{
    private readonly TempDirectory _temp = new();

    public DirectoryHarness()
    {
        Records = new SqliteRecordStore(_temp.File("engagebot.db"));
        Store = new DirectoryStore(Records, Time);
        Reader = NewReader();
        Importer = new DirectoryImporter(Store, Reader);
    }

    public ManualTimeProvider Time { get; } = new();

    public IRecordStore Records { get; }

    public DirectoryStore Store { get; }

    public DirectoryReader Reader { get; }

    public DirectoryImporter Importer { get; }

    public string TempPath => _temp.Path;

    /// <summary>A second instance's reader: same store, its own cache.</summary>
    public DirectoryReader NewReader() =>
        new(Store, Time, Options.Create(new DirectoryOptions { RefreshInterval = TimeSpan.FromSeconds(5) }), NullLogger<DirectoryReader>.Instance);

    public async Task<DirectoryChangeReport> ImportAsync(string yaml)
    {
        var result = await Importer.ImportAsync(yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Format("test.yaml"))));
        return result.Report!;
    }

    /// <summary>Every row of the directory table, for "nothing changed" assertions.</summary>
    public async Task<List<string>> AllRowsAsync()
    {
        var rows = new List<string>();
        await foreach (var r in Records.Table(DirectoryStore.TableName).QueryAsync(new RecordQuery()))
            rows.Add($"{r.PartitionKey}/{r.RowKey}/{r.ETag}");
        return rows;
    }

    public void Dispose() => _temp.Dispose();
}
