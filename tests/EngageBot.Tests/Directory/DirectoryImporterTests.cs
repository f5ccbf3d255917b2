using EngageBot.Channels;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Tests.Directory;

public sealed class DirectoryImporterTests : IDisposable
{
    private readonly DirectoryHarness _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Sample_file_imports_cleanly()
    {
        var report = await _directory.ImportAsync(DirectoryYaml.Sample);

        Assert.Equal(1, report.Version);
        Assert.All(report.Changes, c => Assert.Equal(ChangeKind.Added, c.Change));
        Assert.Equal(4 + 6 + 4 + 3 + 2, report.Changes.Count);
        Assert.StartsWith("directory version 1: 4 partners added, 6 people added, 4 customers added, 3 policies added, 2 calendars added", report.Lines().First());
        Assert.Equal(4, (await _directory.Reader.ListPartnersAsync()).Count);
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        var rows = await _directory.AllRowsAsync();

        var report = await _directory.ImportAsync(DirectoryYaml.Sample + "\n# a comment changes nothing\n");

        Assert.False(report.HasChanges);
        Assert.Equal(["no changes"], report.Lines());
        Assert.Equal(1, report.Version);
        Assert.Equal(rows, await _directory.AllRowsAsync());
    }

    [Fact]
    public async Task Bad_file_leaves_the_store_unchanged_and_lists_every_error()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        var rows = await _directory.AllRowsAsync();
        var bad = DirectoryYaml.Sample
            .Replace("account_owner: marcus.webb", "account_owner: marcus.web", StringComparison.Ordinal)
            .Replace("tier: standard\n    timezone: Asia/Tokyo", "tier: bronze\n    timezone: Asia/Tokio", StringComparison.Ordinal)
            .Replace("name: Northwind Cloud Partners", "name: Northwind Renamed", StringComparison.Ordinal);

        var result = await _directory.Importer.ImportAsync(bad);

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            "partner 'sakura-digital' has unknown tier 'bronze' (no SLA policy for it)",
            "partner 'sakura-digital': 'timezone' 'Asia/Tokio' is not an IANA time zone (e.g. Europe/Berlin)",
            "customer 'wingtip-toys' has unknown account owner 'marcus.web'",
        ], result.Errors.Select(e => e.Message));
        Assert.Equal(rows, await _directory.AllRowsAsync());
        Assert.Equal("Northwind Cloud Partners", (await _directory.Reader.GetPartnerAsync("northwind"))!.Name);
    }

    [Fact]
    public async Task Bad_first_file_creates_nothing()
    {
        var result = await _directory.Importer.ImportAsync(DirectoryYaml.MinimalWith(16, "    owner: nobody"));

        Assert.False(result.Succeeded);
        Assert.Empty(await _directory.AllRowsAsync());
    }

    [Fact]
    public async Task Changed_file_updates_in_place_and_reports_added_updated_and_removed()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        var changed = DirectoryYaml.Sample
            .Replace("name: Northwind Cloud Partners", "name: Northwind Cloud", StringComparison.Ordinal)
            .Replace("check_in: weekly", "check_in: biweekly", StringComparison.Ordinal)
            .Replace("channels: [C07NWSHARED, C07NWINCIDT]", "channels: [C07NWSHARED]", StringComparison.Ordinal)
            .Replace("  - id: wingtip-toys\n    name: Wingtip Toys\n    account_owner: marcus.webb\n    partners: [kookaburra]\n", "", StringComparison.Ordinal)
            .Replace("warning_at: 0.8", "warning_at: 0.9", StringComparison.Ordinal)
            + "  - id: litware\n    name: Litware Inc.\n    partners: [tulip-systems]\n";

        var report = await _directory.ImportAsync(changed);

        Assert.Equal(2, report.Version);
        Assert.Equal(
        [
            "directory version 2: 3 partners updated, 1 customer added, 1 customer removed, 1 policy updated",
            "  ~ partner 'kookaburra': customers",
            "  ~ partner 'northwind': name, check_in, slack.channels",
            "  ~ partner 'tulip-systems': customers",
            "  + customer 'litware'",
            "  - customer 'wingtip-toys'",
            "  ~ policy 'premier': warning_at",
        ], report.Lines().ToList());
        var northwind = (await _directory.Reader.GetPartnerAsync("northwind"))!;
        Assert.Equal(("Northwind Cloud", CheckInCadence.Biweekly), (northwind.Name, northwind.CheckIn));
        Assert.Null(await _directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C07NWINCIDT"));
    }

    [Fact]
    public async Task Removing_a_partner_is_reported_and_frees_its_channels()
    {
        await _directory.ImportAsync(DirectoryYaml.Minimal);
        var withSecond = DirectoryYaml.MinimalInserting(19,
            "  - id: initech", "    name: Initech", "    tier: gold", "    timezone: America/Chicago",
            "    onboarded: 2025-06-01", "    owner: jdoe", "    slack:", "      channels: [C2]");
        await _directory.ImportAsync(withSecond);
        Assert.Equal("initech", await _directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C2"));

        var report = await _directory.ImportAsync(DirectoryYaml.Minimal);

        Assert.Equal(new DirectoryChange("partner", "initech", ChangeKind.Removed, []), Assert.Single(report.Changes));
        Assert.Null(await _directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C2"));
    }
}
