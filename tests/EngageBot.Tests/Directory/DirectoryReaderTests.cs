using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Directory.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Directory;

public sealed class DirectoryReaderTests : IDisposable
{
    private readonly DirectoryHarness _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Channels_resolve_to_their_partner_on_each_platform()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        IDirectoryLookup lookup = _directory.Reader;

        Assert.Equal("northwind", await lookup.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C07NWINCIDT"));
        Assert.Equal("tulip-systems", await lookup.FindPartnerIdByChannelAsync(ChatPlatform.Teams, "19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2"));
        Assert.Equal("sakura-digital", await lookup.FindPartnerIdByChannelAsync(ChatPlatform.Teams, "19:7e6d5c4b3a2f4e1d0c9b8a7f6e5d4c3b@thread.tacv2"));
        Assert.Null(await lookup.FindPartnerIdByChannelAsync(ChatPlatform.Teams, "C07NWINCIDT"));
        Assert.Null(await lookup.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C07TRIAGE01"));
        Assert.Equal("kookaburra", await lookup.FindPartnerIdByHomeTeamAsync(ChatPlatform.Slack, "T05KOOKABR"));
        Assert.Equal("tulip-systems", await lookup.FindPartnerIdByHomeTeamAsync(ChatPlatform.Teams, "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"));
    }

    [Fact]
    public async Task Platform_users_resolve_to_internal_people()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        IDirectoryLookup lookup = _directory.Reader;

        var priya = await lookup.FindPersonAsync(ChatPlatform.Slack, "U07PRIYA01");
        Assert.Equal(new PersonSummary("priya.nair", "Priya Nair", "priya.nair@example.com", priya!.Roles, "U07PRIYA01", "3f2a9c1e-5b7d-4e21-9a0c-1d2e3f405162"),
            priya);
        Assert.Equal(["manager"], priya.Roles);
        Assert.Equal("lena.vogel", (await lookup.FindPersonAsync(ChatPlatform.Teams, "8B1D4E7F-2C3A-4B5D-8E9F-0A1B2C3D4E5F"))?.Id);
        Assert.Null(await lookup.FindPersonAsync(ChatPlatform.Teams, "U07PRIYA01"));
        Assert.Null(await lookup.FindPersonAsync(ChatPlatform.Slack, "U0PARTNER"));
    }

    [Fact]
    public async Task Read_api_serves_partners_people_customers_policies_and_calendars()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        IPartnerDirectory directory = _directory.Reader;

        Assert.Equal("Kookaburra Integrations Pty Ltd", (await directory.GetPartnerAsync("kookaburra"))?.Name);
        Assert.Null(await directory.GetPartnerAsync("nope"));
        Assert.Equal(["kookaburra", "northwind", "sakura-digital", "tulip-systems"], (await directory.ListPartnersAsync()).Select(p => p.Id));
        Assert.Equal("Sam Okafor", (await directory.GetPersonAsync("sam.okafor"))?.Name);
        Assert.Equal(["ana.lima"], (await directory.ListPeopleInRoleAsync(PersonRole.Admin)).Select(p => p.Id));
        Assert.Equal(["contoso-retail", "wingtip-toys"], (await directory.GetCustomersOfPartnerAsync("kookaburra")).Select(c => c.Id));
        Assert.Empty(await directory.GetCustomersOfPartnerAsync("nope"));
        Assert.Equal(TimeSpan.FromMinutes(30), (await directory.GetSlaPolicyAsync("strategic"))?.Urgent.FirstResponse);
        Assert.Null(await directory.GetSlaPolicyAsync("platinum"));

        var sydney = (await directory.GetCalendarForPartnerAsync("kookaburra"))!;
        Assert.Equal(("sydney", "Australia/Sydney"), (sydney.Id, sydney.TimeZone));
        Assert.False(sydney.IsWorkingDay(new DateOnly(2026, 12, 25)));
        var fallback = (await directory.GetCalendarForPartnerAsync("northwind"))!;
        Assert.Equal(("America/New_York", DailyHours.NineToFive), (fallback.TimeZone, fallback.Hours));
        Assert.Equal(BusinessCalendar.MondayToFriday, fallback.WorkingDays);
        Assert.True(fallback.IsDefault);
    }

    [Fact]
    public async Task Empty_store_reads_as_an_empty_directory()
    {
        Assert.Empty(await _directory.Reader.ListPartnersAsync());
        Assert.Null(await _directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));
        Assert.Equal(0, (await _directory.Reader.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Another_instance_sees_an_import_after_its_refresh_interval_with_one_point_read_per_check()
    {
        await _directory.ImportAsync(DirectoryYaml.Minimal);
        var counting = new CountingRecordStore(_directory.Records);
        var other = new DirectoryReader(new DirectoryStore(counting, _directory.Time), _directory.Time,
            Options.Create(new DirectoryOptions { RefreshInterval = TimeSpan.FromSeconds(5) }), NullLogger<DirectoryReader>.Instance);
        Assert.Equal("acme", await other.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));
        var afterLoad = counting.Reads;

        for (var i = 0; i < 1000; i++) await other.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1");
        Assert.Equal(afterLoad, counting.Reads);

        await _directory.ImportAsync(DirectoryYaml.Minimal.Replace("channels: [C1]", "channels: [C9]", StringComparison.Ordinal));
        _directory.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("acme", await other.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));

        _directory.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await other.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));
        Assert.Equal("acme", await other.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C9"));

        var afterReload = counting.Reads;
        _directory.Time.Advance(TimeSpan.FromSeconds(5));
        await other.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C9");
        Assert.Equal(afterReload + 1, counting.Reads);
    }

    [Fact]
    public async Task Concurrent_lookups_share_one_reload()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);
        var counting = new CountingRecordStore(_directory.Records);
        var reader = new DirectoryReader(new DirectoryStore(counting, _directory.Time), _directory.Time,
            Options.Create(new DirectoryOptions()), NullLogger<DirectoryReader>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C07KOOKA001"))));

        Assert.All(results, r => Assert.Equal("kookaburra", r));
        Assert.Equal(3, counting.Reads);
    }

    [Fact]
    public async Task Store_failure_keeps_serving_the_last_good_directory()
    {
        await _directory.ImportAsync(DirectoryYaml.Minimal);
        var failing = new FailingRecordStore(_directory.Records);
        var reader = new DirectoryReader(new DirectoryStore(failing, _directory.Time), _directory.Time,
            Options.Create(new DirectoryOptions()), NullLogger<DirectoryReader>.Instance);
        Assert.Equal("acme", await reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));

        failing.Failing = true;
        _directory.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("acme", await reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));
    }

    [Fact]
    public async Task Store_failure_before_any_load_surfaces()
    {
        var reader = new DirectoryReader(new DirectoryStore(new FailingRecordStore(_directory.Records) { Failing = true }, _directory.Time),
            _directory.Time, Options.Create(new DirectoryOptions()), NullLogger<DirectoryReader>.Instance);

        await Assert.ThrowsAsync<EngageBot.Storage.StorageException>(() => reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C1"));
    }
}
