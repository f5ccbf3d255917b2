using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Model;
using EngageBot.Tests.Directory;

namespace EngageBot.Tests.Nudges;

/// <summary>The policy's optional <c>nudges:</c> map (line 5 of the minimal file, right after the gold tier's targets).</summary>
public sealed class NudgeDirectoryTests
{
    private static DirectoryParseResult Parse(string nudges) => DirectoryFileParser.Parse(DirectoryYaml.MinimalInserting(5, "    nudges: " + nudges));

    [Fact]
    public void Thresholds_are_read_per_tier_and_missing_fields_take_the_defaults()
    {
        var result = Parse("{ passive_after: 3, quiet_after: 10d, onboarding_grace: 7 }");

        Assert.Empty(result.Errors);
        Assert.Equal(new NudgeThresholds(3, 10, 90, 7), Assert.Single(result.Content!.Policies).NudgesOrDefault);
    }

    [Fact]
    public void A_tier_without_nudges_gets_the_documented_defaults()
    {
        var policy = Assert.Single(DirectoryFileParser.Parse(DirectoryYaml.Minimal).Content!.Policies);
        Assert.Null(policy.Nudges);
        Assert.Equal(new NudgeThresholds(PassiveBusinessDays: 5, QuietDays: 7, OnboardingDays: 90, OnboardingGraceDays: 14), policy.NudgesOrDefault);
    }

    [Theory]
    [InlineData("{ passive_after: 0 }", "5:30: policy 'gold' nudges: 'passive_after' '0' must be a whole number of days from 1 to 60 (e.g. 5 or 5d)")]
    [InlineData("{ quiet_after: soon }", "5:28: policy 'gold' nudges: 'quiet_after' 'soon' must be a whole number of days from 1 to 90 (e.g. 5 or 5d)")]
    [InlineData("{ onboarding_days: 30, onboarding_grace: 30 }", "5:54: policy 'gold' nudges: 'onboarding_grace' (30) must be less than 'onboarding_days' (30)")]
    public void A_bad_threshold_is_rejected_with_its_line(string nudges, string expected)
    {
        var result = Parse(nudges);

        Assert.Null(result.Content);
        Assert.Equal(expected, Assert.Single(result.Errors).Format("partners.yaml")["partners.yaml:".Length..]);
    }

    [Fact]
    public void An_unknown_threshold_is_rejected_with_its_line()
    {
        var error = Assert.Single(Parse("{ pasive_after: 3 }").Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("pasive_after", error.Message, StringComparison.Ordinal);
    }
}
