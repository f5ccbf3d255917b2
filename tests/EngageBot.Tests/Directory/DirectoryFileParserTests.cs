using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Tests.Directory;

public sealed class DirectoryFileParserTests
{
    [Fact]
    public void Sample_file_parses_with_every_field()
    {
        var result = DirectoryFileParser.Parse(DirectoryYaml.Sample);

        Assert.Empty(result.Errors);
        var content = result.Content!;
        Assert.Equal(["kookaburra", "northwind", "sakura-digital", "tulip-systems"], content.Partners.Select(p => p.Id));
        var northwind = content.Partners.Single(p => p.Id == "northwind");
        Assert.Equal("Northwind Cloud Partners", northwind.Name);
        Assert.Equal("strategic", northwind.Tier);
        Assert.Equal("America/New_York", northwind.TimeZone);
        Assert.Equal(new DateOnly(2024, 3, 18), northwind.OnboardedOn);
        Assert.Equal(("priya.nair", "sam.okafor", "elena.ortiz"), (northwind.OwnerId, northwind.BackupOwnerId, northwind.ExecutiveSponsorId));
        Assert.Equal(CheckInCadence.Weekly, northwind.CheckIn);
        Assert.Equal(TicketMode.QuestionsOnly, northwind.TicketMode);
        Assert.Null(northwind.CalendarId);
        Assert.Equal(["C07NWSHARED", "C07NWINCIDT"], northwind.Slack.ChannelIds);
        Assert.Equal(["T05NORTHWD"], northwind.Slack.HomeTeamIds);
        Assert.Equal("C07TRIAGE01", northwind.Slack.TriageChannelId);
        Assert.Empty(northwind.Teams.ChannelIds);
        Assert.Equal(["adatum", "contoso-retail"], northwind.CustomerIds);

        var tulip = content.Partners.Single(p => p.Id == "tulip-systems");
        Assert.Equal(TicketMode.AllMessages, tulip.TicketMode);
        Assert.Equal("amsterdam", tulip.CalendarId);
        Assert.Equal(["19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2"], tulip.Teams.ChannelIds);
        Assert.Equal(["a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"], tulip.Teams.HomeTeamIds);
        Assert.NotNull(tulip.Teams.TriageChannelId);

        var priya = content.People.Single(p => p.Id == "priya.nair");
        Assert.Equal(("Priya Nair", "priya.nair@example.com", "U07PRIYA01", "3f2a9c1e-5b7d-4e21-9a0c-1d2e3f405162"),
            (priya.Name, priya.Email, priya.SlackUserId, priya.TeamsAadObjectId));
        Assert.Equal([PersonRole.Manager], priya.Roles);
        Assert.Equal("America/New_York", priya.TimeZone);
        Assert.Equal(new DailyHours(new TimeOnly(8, 0), new TimeOnly(16, 30)), priya.WorkingHours);
        Assert.Equal([PersonRole.Admin, PersonRole.Support], content.People.Single(p => p.Id == "ana.lima").Roles);

        var contoso = content.Customers.Single(c => c.Id == "contoso-retail");
        Assert.Equal(("Contoso Retail Group", "priya.nair"), (contoso.Name, contoso.AccountOwnerId));
        Assert.Equal(["Contoso", "CRG"], contoso.Aliases);
        Assert.Equal(["northwind", "kookaburra"], contoso.PartnerIds);

        var premier = content.Policies.Single(p => p.Tier == "premier");
        Assert.Equal(0.8, premier.WarningFraction);
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(40)), premier.Normal);
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(16)), premier.Urgent);
        Assert.Equal(0.75, content.Policies.Single(p => p.Tier == "standard").WarningFraction);
        Assert.Equal(TimeSpan.FromMinutes(30), content.Policies.Single(p => p.Tier == "strategic").Urgent.FirstResponse);

        var sydney = content.Calendars.Single(c => c.Id == "sydney");
        Assert.Equal("Australia/Sydney", sydney.TimeZone);
        Assert.Equal(BusinessCalendar.MondayToFriday, sydney.WorkingDays);
        Assert.Equal(new DailyHours(new TimeOnly(8, 30), new TimeOnly(17, 0)), sydney.Hours);
        Assert.Contains(new DateOnly(2027, 1, 26), sydney.Holidays);
    }

    [Fact]
    public void Sample_covers_tiers_and_a_southern_hemisphere_daylight_saving_zone()
    {
        var content = DirectoryFileParser.Parse(DirectoryYaml.Sample).Content!;
        Assert.True(content.Partners.Select(p => p.Tier).Distinct().Count() >= 3);
        var sydney = TimeZoneInfo.FindSystemTimeZoneById(content.Partners.Single(p => p.Id == "kookaburra").TimeZone);
        // DST in January (southern summer), none in July.
        Assert.True(sydney.IsDaylightSavingTime(new DateTime(2027, 1, 15, 12, 0, 0)));
        Assert.False(sydney.IsDaylightSavingTime(new DateTime(2027, 7, 15, 12, 0, 0)));
    }

    [Fact]
    public void Minimal_file_is_valid_and_fills_defaults()
    {
        var result = DirectoryFileParser.Parse(DirectoryYaml.Minimal);

        Assert.Empty(result.Errors);
        var acme = result.Content!.Partners.Single();
        Assert.Equal(CheckInCadence.Monthly, acme.CheckIn);
        Assert.Equal(TicketMode.QuestionsOnly, acme.TicketMode);
        Assert.Null(acme.BackupOwnerId);
        Assert.Equal(0.75, result.Content.Policies.Single().WarningFraction);
    }

    [Theory]
    [InlineData(16, "    owner: nobody", "16:12: partner 'acme' has unknown owner 'nobody'")]
    [InlineData(16, "    owner: jdoe\n    backup_owner: ghost", "17:19: partner 'acme' has unknown backup owner 'ghost'")]
    [InlineData(16, "    owner: jdoe\n    executive_sponsor: vip", "17:24: partner 'acme' has unknown executive sponsor 'vip'")]
    [InlineData(22, "    account_owner: jsmith", "22:20: customer 'globex' has unknown account owner 'jsmith'")]
    [InlineData(23, "    partners: [acme, initech]", "23:22: customer 'globex' names unknown partner 'initech'")]
    [InlineData(14, "    timezone: Mars/Olympus_Mons", "14:15: partner 'acme': 'timezone' 'Mars/Olympus_Mons' is not an IANA time zone (e.g. Europe/Berlin)")]
    [InlineData(14, "    timezone: W. Europe Standard Time", "14:15: partner 'acme': 'timezone' 'W. Europe Standard Time' is not an IANA time zone (e.g. Europe/Berlin)")]
    [InlineData(13, "    tier: platinum", "13:11: partner 'acme' has unknown tier 'platinum' (no SLA policy for it)")]
    [InlineData(13, "    tier: gold\n    calendar: lunar", "14:15: partner 'acme' has unknown calendar 'lunar'")]
    [InlineData(15, "    onboarded: 2025-02-30", "15:16: partner 'acme': 'onboarded' '2025-02-30' is not a date (YYYY-MM-DD)")]
    [InlineData(3, "    normal: { first_response: 4 hours, next_response: 8h, resolution: 40h }", "3:31: policy 'gold' normal: 'first_response' '4 hours' is not a duration (e.g. 4h, 30m, 1h30m)")]
    [InlineData(12, "    name: \"\"", "11:5: partner 'acme' is missing required field 'name'")]
    [InlineData(12, "    nme: Acme", "11:5: partner 'acme' is missing required field 'name'")]
    [InlineData(12, "    name: Acme\n    ownr: jdoe", "13:5: partner 'acme': unknown field 'ownr' (expected one of: id, name, tier, timezone, onboarded, owner, backup_owner, executive_sponsor, check_in, ticket_mode, calendar, slack, teams)")]
    [InlineData(9, "    roles: [manager, wizard]", "9:22: person 'jdoe': role 'wizard' is not one of: manager, executive, support, admin")]
    [InlineData(16, "    owner: jdoe\n    check_in: daily", "17:15: partner 'acme': 'check_in' 'daily' is not one of: none, weekly, biweekly, monthly, quarterly")]
    [InlineData(18, "      channels: [C1]\n      triage_channel: C1", "19:23: partner 'acme': triage channel 'C1' is the shared channel of partner 'acme'; triage channels are internal")]
    [InlineData(18, "      channels: [C1]\n    teams:\n      channels: [\"19:abc@thread.tacv2;messageid=1700000000000\"]", "20:18: partner 'acme': Teams channel '19:abc@thread.tacv2;messageid=1700000000000' must be the channel id without ';messageid=…'")]
    [InlineData(18, "      channels: [C1]\n      channels: [C2]", "19:7: YAML syntax error: Duplicate key channels")]
    [InlineData(11, "  - id: Acme Corp", "11:9: partner #1: 'id' 'Acme Corp' is not a valid id (lowercase letters, digits, '.', '_' or '-')")]
    public void Each_error_names_its_line_and_column(int line, string replacement, string expected)
    {
        var result = DirectoryFileParser.Parse(DirectoryYaml.MinimalWith(line, replacement));

        Assert.Null(result.Content);
        Assert.Contains(expected, result.Errors.Select(e => e.Format("partners.yaml")).Select(s => s["partners.yaml:".Length..]));
    }

    [Fact]
    public void Two_partners_claiming_one_channel_is_an_error_at_the_second_claim()
    {
        var yaml = DirectoryYaml.MinimalInserting(19,
            "  - id: initech", "    name: Initech", "    tier: gold", "    timezone: America/Chicago",
            "    onboarded: 2025-06-01", "    owner: jdoe", "    slack:", "      channels: [C2, C1]");

        var errors = DirectoryFileParser.Parse(yaml).Errors;

        Assert.Equal("partners.yaml:26:22: partner 'initech': Slack channel 'C1' is already claimed by partner 'acme' (line 18)",
            Assert.Single(errors).Format("partners.yaml"));
    }

    [Theory]
    [InlineData("partners", 19, "  - id: acme\n    name: Acme again", "19:9: duplicate partner id 'acme' (first defined at line 11)")]
    [InlineData("people", 10, "  - id: jdoe\n    name: Jane Again", "10:9: duplicate person id 'jdoe' (first defined at line 6)")]
    [InlineData("customers", 24, "  - id: globex\n    name: Globex Two\n    partners: [acme]", "24:9: duplicate customer id 'globex' (first defined at line 20)")]
    public void Duplicate_ids_are_errors(string section, int line, string inserted, string expected)
    {
        var yaml = line > DirectoryYaml.Minimal.Split('\n').Length ? DirectoryYaml.Minimal + "\n" + inserted : DirectoryYaml.MinimalInserting(line, inserted);

        var errors = DirectoryFileParser.Parse(yaml).Errors.Select(e => e.Format("partners.yaml")).ToList();

        Assert.True(errors.Contains("partners.yaml:" + expected), $"{section}: {string.Join("\n", errors)}");
    }

    [Theory]
    [InlineData(18, "      channels: [C1", 18)]
    [InlineData(12, "     name: Acme", 12)]
    [InlineData(7, "    name: \"Jane Doe", 7)]
    public void Yaml_syntax_error_is_reported_with_its_line(int line, string replacement, int expectedLine)
    {
        var result = DirectoryFileParser.Parse(DirectoryYaml.MinimalWith(line, replacement));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("YAML syntax error: ", error.Message);
        Assert.Equal(expectedLine, error.Line);
    }

    [Fact]
    public void Every_error_in_a_file_is_listed_together_in_file_order()
    {
        var yaml = DirectoryYaml.Minimal
            .Replace("tier: gold\n    timezone: Europe/Berlin", "tier: silver\n    timezone: Europe/Berlyn", StringComparison.Ordinal)
            .Replace("owner: jdoe\n    slack", "owner: nobody\n    slack", StringComparison.Ordinal)
            .Replace("onboarded: 2025-01-01", "onboarded: 01/02/2025", StringComparison.Ordinal)
            .Replace("account_owner: jdoe", "account_owner: ghost", StringComparison.Ordinal);

        var errors = DirectoryFileParser.Parse(yaml).Errors.Select(e => e.Format("partners.yaml")).ToList();

        Assert.Equal(
        [
            "partners.yaml:13:11: partner 'acme' has unknown tier 'silver' (no SLA policy for it)",
            "partners.yaml:14:15: partner 'acme': 'timezone' 'Europe/Berlyn' is not an IANA time zone (e.g. Europe/Berlin)",
            "partners.yaml:15:16: partner 'acme': 'onboarded' '01/02/2025' is not a date (YYYY-MM-DD)",
            "partners.yaml:16:12: partner 'acme' has unknown owner 'nobody'",
            "partners.yaml:22:20: customer 'globex' has unknown account owner 'ghost'",
        ], errors);
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        var error = Assert.Single(DirectoryFileParser.Parse("# nothing here\n").Errors);
        Assert.Equal("the directory file is empty", error.Message);
    }

    [Fact]
    public void Same_slack_user_on_two_people_is_an_error()
    {
        var yaml = DirectoryYaml.MinimalInserting(10, "  - id: jdoe2", "    name: Jane Twin", "    slack_user_id: U1");

        var error = Assert.Single(DirectoryFileParser.Parse(yaml).Errors);
        Assert.Equal("partners.yaml:12:20: person 'jdoe2': Slack user id 'U1' is already claimed by person 'jdoe' (line 8)", error.Format("partners.yaml"));
    }

    [Fact]
    public void A_bad_value_shared_through_a_yaml_alias_is_reported_once_not_once_per_use()
    {
        // Lines 20-27: three customers share one (bad) aliases list and one partners list through anchors.
        var yaml = DirectoryYaml.Minimal.Replace(
            "customers:\n  - id: globex\n    name: Globex\n    account_owner: jdoe\n    partners: [acme]",
            """
            customers:
              - id: globex
                name: Globex
                aliases: &names [[Globex Corp], GX]
                partners: &partners [acme, nobody]
              - { id: initech, name: Initech, aliases: *names, partners: *partners }
              - { id: umbrella, name: Umbrella, aliases: *names, partners: *partners }
            """, StringComparison.Ordinal);
        Assert.Contains("&names", yaml);

        var errors = DirectoryFileParser.Parse(yaml).Errors.Select(e => e.Format("partners.yaml")).ToList();

        Assert.Equal(
        [
            "partners.yaml:22:22: customer 'globex': every item of 'aliases' must be a single value",
            "partners.yaml:23:32: customer 'globex' names unknown partner 'nobody'",
        ], errors);
    }
}
