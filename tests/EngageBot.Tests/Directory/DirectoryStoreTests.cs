using EngageBot.Features.Directory.Model;
using EngageBot.Storage;

namespace EngageBot.Tests.Directory;

public sealed class DirectoryStoreTests : IDisposable
{
    private readonly DirectoryHarness _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Large_directory_is_split_into_chunks_under_the_property_limit_and_read_back_whole()
    {
        var people = Enumerable.Range(0, 400).Select(i => new Person($"p{i:D3}", $"Person {i} with a fairly long display name",
            $"p{i}@example.com", $"U{i:D8}", Guid.NewGuid().ToString(), [PersonRole.Support], "Europe/Paris", null)).ToList();
        var content = DirectoryContent.Empty with { People = people };

        await _directory.Store.PublishAsync(content, expected: null);

        var pointer = (await _directory.Store.ReadPointerAsync())!;
        Assert.True(pointer.ChunkCount > 2);
        await foreach (var row in _directory.Records.Table("directory").QueryAsync(RecordQuery.Prefix($"snapshot-{pointer.SnapshotId}", "")))
            Assert.True(row.GetString("Json")!.Length < 32 * 1024);
        var read = (await _directory.Store.ReadSnapshotAsync(pointer))!;
        Assert.Equal(people.Select(p => p.TeamsAadObjectId), read.People.Select(p => p.TeamsAadObjectId));
    }

    [Fact]
    public async Task Publishing_over_a_stale_pointer_fails_and_leaves_no_orphan_rows()
    {
        await _directory.ImportAsync(DirectoryYaml.Minimal);
        var stale = (await _directory.Store.ReadPointerAsync())!;
        await _directory.ImportAsync(DirectoryYaml.Minimal.Replace("name: Acme", "name: Acme Two", StringComparison.Ordinal));
        var rows = await _directory.AllRowsAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _directory.Store.PublishAsync(DirectoryContent.Empty, stale));

        Assert.Equal(rows, await _directory.AllRowsAsync());
        Assert.Equal("Acme Two", (await _directory.Reader.GetPartnerAsync("acme"))!.Name);
    }

    [Fact]
    public async Task Only_the_current_and_previous_snapshots_are_kept()
    {
        for (var i = 1; i <= 4; i++)
            await _directory.ImportAsync(DirectoryYaml.Minimal.Replace("name: Acme", $"name: Acme {i}", StringComparison.Ordinal));

        var partitions = (await _directory.AllRowsAsync()).Select(r => r.Split('/')[0]).Where(p => p.StartsWith("snapshot-", StringComparison.Ordinal)).Distinct().ToList();
        var pointer = (await _directory.Store.ReadPointerAsync())!;
        Assert.Equal(4, pointer.Version);
        Assert.Equal(2, partitions.Count);
        Assert.Contains($"snapshot-{pointer.SnapshotId}", partitions);
        Assert.Contains($"snapshot-{pointer.PreviousSnapshotId}", partitions);
    }

    [Fact]
    public async Task Concurrent_imports_apply_one_after_the_other_without_mixing()
    {
        await _directory.ImportAsync(DirectoryYaml.Minimal);
        var other = new EngageBot.Features.Directory.Import.DirectoryImporter(_directory.Store, _directory.NewReader());
        var a = DirectoryYaml.Minimal.Replace("name: Acme", "name: Acme A", StringComparison.Ordinal);
        var b = DirectoryYaml.Minimal.Replace("name: Acme", "name: Acme B", StringComparison.Ordinal);

        var results = await Task.WhenAll(Task.Run(() => _directory.Importer.ImportAsync(a)), Task.Run(() => other.ImportAsync(b)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal([2L, 3L], results.Select(r => r.Report!.Version).Order());
        var pointer = (await _directory.Store.ReadPointerAsync())!;
        Assert.Equal(3, pointer.Version);
        var name = (await _directory.Store.ReadSnapshotAsync(pointer))!.Partners.Single().Name;
        Assert.Contains(name, new[] { "Acme A", "Acme B" });
    }
}
