using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Store;
using EngageBot.Features.Tickets;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Scheduling.Calendars;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Tickets;

/// <summary>The ticket policy as the real directory (imported from YAML into SQLite) produces it.</summary>
public sealed class DirectoryTicketPolicySourceTests : IDisposable
{
    private const string Yaml = """
        version: 1
        policies:
          - tier: gold
            warning_at: 0.8
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        calendars:
          - id: berlin
            timezone: Europe/Berlin
            working_days: [mon, tue, wed, thu]
            hours: "08:00-16:00"
            holidays: [2026-12-24]
        people:
          - id: olivia
            name: Olivia Owner
            slack_user_id: U0OLIVIA
            teams_aad_object_id: 6f2c5e1a-0000-0000-0000-0000000000aa
            roles: [manager]
            timezone: Europe/Berlin
            working_hours: "09:00-17:00"
          - id: ben
            name: Ben Backup
            slack_user_id: U0BEN
            roles: [support]
        partners:
          - id: acme
            name: Acme Corp
            tier: gold
            timezone: Europe/Berlin
            onboarded: 2025-01-06
            owner: olivia
            backup_owner: ben
            calendar: berlin
            ticket_mode: all_messages
            slack:
              channels: [C0ACME]
              triage_channel: C0TRIAGE
        """;

    private readonly TempDirectory _dir = new();
    private readonly DirectoryTicketPolicySource _source;
    private readonly DirectoryImporter _importer;

    public DirectoryTicketPolicySourceTests()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var store = new DirectoryStore(new SqliteRecordStore(Path.Combine(_dir.Path, "directory.db")), time);
        var reader = new DirectoryReader(store, time, Options.Create(new DirectoryOptions()), NullLogger<DirectoryReader>.Instance);
        _importer = new DirectoryImporter(store, reader);
        _source = new DirectoryTicketPolicySource(reader, reader, Options.Create(new TicketsOptions { ReopenWindow = TimeSpan.FromDays(3) }));
    }

    [Fact]
    public async Task A_partner_maps_to_its_tier_policy_calendar_chain_and_triage_channel_with_the_reopen_window_from_options()
    {
        Assert.True((await _importer.ImportAsync(Yaml)).Succeeded);
        Assert.Equal("acme", await _source.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C0ACME"));
        var policy = await _source.GetPartnerPolicyAsync("acme");

        Assert.NotNull(policy);
        Assert.Equal((TicketMode.EveryTopLevelMessage, "gold", 0.8), (policy.Mode, policy.Tier, policy.Sla.WarningFraction));
        Assert.Equal(TimeSpan.FromMinutes(30), policy.Sla.Urgent.FirstResponse);
        Assert.Equal(("Europe/Berlin", new TimeOnly(8, 0), new TimeOnly(16, 0)), (policy.Calendar.TimeZoneId, policy.Calendar.DayStart, policy.Calendar.DayEnd));
        Assert.DoesNotContain(DayOfWeek.Friday, policy.Calendar.WorkingDays);
        Assert.Contains(new DateOnly(2026, 12, 24), policy.Calendar.Holidays);
        Assert.Equal(new EscalationChain("olivia", "ben", null), policy.Escalation);
        Assert.Equal("C0TRIAGE", Assert.Single(policy.TriageChannels, c => c.Key == ChatPlatform.Slack).Value);
        Assert.Equal(TimeSpan.FromDays(3), policy.ReopenWindow);
        Assert.Null(await _source.GetPartnerPolicyAsync("nobody"));
    }

    [Fact]
    public async Task People_carry_their_working_hours_only_when_the_directory_gives_zone_and_hours()
    {
        Assert.True((await _importer.ImportAsync(Yaml)).Succeeded);
        var olivia = await _source.FindInternalPersonAsync(ChatPlatform.Teams, "6f2c5e1a-0000-0000-0000-0000000000aa");
        Assert.NotNull(olivia);
        Assert.Equal(("olivia", "U0OLIVIA"), (olivia.Id, olivia.Identities.On(ChatPlatform.Slack)));
        Assert.Equal(("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 0)), (olivia.WorkingHours!.TimeZoneId, olivia.WorkingHours.DayStart, olivia.WorkingHours.DayEnd));
        Assert.Null((await _source.GetPersonAsync("ben"))!.WorkingHours);
        Assert.Null(await _source.FindInternalPersonAsync(ChatPlatform.Slack, "U0STRANGER"));
    }

    [Theory]
    [InlineData("00:00-24:00", 24)]
    [InlineData("08:00-24:00", 16)]
    public async Task A_calendar_may_run_to_midnight_and_cover_the_whole_day(string hours, int hoursPerDay)
    {
        var imported = await _importer.ImportAsync(Yaml.Replace("hours: \"08:00-16:00\"", $"hours: \"{hours}\"", StringComparison.Ordinal));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        var calendar = new BusinessHoursCalendar((await _source.GetPartnerPolicyAsync("acme"))!.Calendar);

        var monday = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(hoursPerDay), calendar.Between(monday, monday.AddDays(1)));
        Assert.True(calendar.IsBusinessTime(monday.AddHours(23.5)));
    }

    public void Dispose() => _dir.Dispose();
}
