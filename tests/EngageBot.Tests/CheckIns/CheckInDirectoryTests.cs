using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Model;
using EngageBot.Tests.Directory;

namespace EngageBot.Tests.CheckIns;

public sealed class CheckInDirectoryTests
{
    private static DirectoryParseResult Parse(params string[] checkInLines) => DirectoryFileParser.Parse(DirectoryYaml.MinimalInserting(17, checkInLines));

    private static List<string> Errors(params string[] checkInLines) =>
        Parse(checkInLines).Errors.Select(e => e.Format("partners.yaml")["partners.yaml:".Length..]).ToList();

    [Fact]
    public void Cadence_day_and_local_time_are_read_from_a_check_in_mapping()
    {
        var result = Parse("    check_in: { cadence: biweekly, day: tuesday, time: \"14:30\" }");

        Assert.Empty(result.Errors);
        var partner = Assert.Single(result.Content!.Partners);
        Assert.Equal(CheckInCadence.Biweekly, partner.CheckIn);
        Assert.Equal(new CheckInTiming(DayOfWeek.Tuesday, null, new TimeOnly(14, 30)), partner.CheckInTiming);
    }

    [Fact]
    public void A_cron_expression_replaces_the_cadence()
    {
        var partner = Assert.Single(Parse("    check_in: { cron: \"0 0 10 ? * MON#1\" }").Content!.Partners);
        Assert.Equal(CheckInCadence.Cron, partner.CheckIn);
        Assert.Equal("0 0 10 ? * MON#1", partner.CheckInWhen.Cron);
    }

    [Fact]
    public void A_plain_cadence_still_works_and_gets_the_default_day_and_time()
    {
        var partner = Assert.Single(Parse("    check_in: quarterly").Content!.Partners);
        Assert.Equal(CheckInCadence.Quarterly, partner.CheckIn);
        Assert.Equal(new TimeOnly(10, 0), partner.CheckInWhen.LocalTime);
    }

    [Theory]
    [InlineData("    check_in: { cadence: daily }", "17:26: partner 'acme' check_in: 'cadence' 'daily' is not one of: none, weekly, biweekly, monthly, quarterly")]
    [InlineData("    check_in: { cadence: weekly, time: \"25:00\" }", "17:40: partner 'acme' check_in: 'time' '25:00' is not a local time (HH:mm, e.g. 10:00)")]
    [InlineData("    check_in: { cadence: weekly, day: 15 }", "17:39: partner 'acme' check_in: 'day' '15' is not a weekday (e.g. tuesday)")]
    [InlineData("    check_in: { cadence: monthly, day: 32 }", "17:40: partner 'acme' check_in: 'day' '32' is not a weekday (e.g. tuesday) or a day of the month (1-31)")]
    [InlineData("    check_in: { cron: \"0 0 25 * * ?\" }", "17:23: partner 'acme' check_in: 'cron' '0 0 25 * * ?' is not a cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 10 ? * TUE\")")]
    [InlineData("    check_in: { cron: \"30 0 10 ? * TUE\" }", "17:23: partner 'acme' check_in: 'cron' '30 0 10 ? * TUE' must fire on the minute: its seconds field must be 0 (e.g. \"0 0 10 ? * TUE\")")]
    [InlineData("    check_in: { cron: \"0/15 * * * * ?\" }", "17:23: partner 'acme' check_in: 'cron' '0/15 * * * * ?' must fire on the minute: its seconds field must be 0 (e.g. \"0 0 10 ? * TUE\")")]
    [InlineData("    check_in: { cron: \"0 0 10 ? * TUE\", time: \"10:00\" }", "17:23: partner 'acme' check_in: 'cron' replaces 'cadence', 'day' and 'time'; give one or the other")]
    [InlineData("    check_in: { cadence: weekly, at: \"10:00\" }", "17:34: partner 'acme' check_in: unknown field 'at' (expected one of: cadence, day, time, cron)")]
    public void Bad_check_in_input_is_rejected_with_its_line_and_column(string line, string expected)
    {
        var errors = Errors(line);
        Assert.True(errors.Contains(expected), string.Join("\n", errors));
        Assert.Null(Parse(line).Content);
    }
}
