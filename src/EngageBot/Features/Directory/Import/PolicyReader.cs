using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

internal static class PolicyReader
{
    public static SlaPolicy Read(YamlMap map)
    {
        var tier = map.Id("tier") ?? "";
        if (tier.Length > 0)
        {
            map.What = $"policy '{tier}'";
            map.Context.Define("policy", tier, map.Node("tier")!.Start);
        }
        map.RejectUnknownFields("tier", "warning_at", "normal", "urgent", "nudges");
        var warning = map.Fraction("warning_at", 0.75) ?? 0.75;
        return new SlaPolicy(tier, Targets(map, "normal"), Targets(map, "urgent"), warning, Nudges(map));
    }

    // Optional; each field falls back to its default. Bounds keep a typo (0, 9999) from silencing or flooding the nudge.
    private static NudgeThresholds? Nudges(YamlMap policy)
    {
        if (policy.Node("nudges") is null || policy.Map("nudges", "nudges") is not { } map) return null;
        map.RejectUnknownFields("passive_after", "quiet_after", "onboarding_days", "onboarding_grace");
        var d = NudgeThresholds.Default;
        var onboarding = map.Days("onboarding_days", d.OnboardingDays, 1, 365);
        var grace = map.Days("onboarding_grace", d.OnboardingGraceDays, 0, 365);
        if (map.Optional("onboarding_grace") is ({ } _, var graceAt) && grace >= onboarding)
            map.Context.Error(graceAt, $"{map.What}: 'onboarding_grace' ({grace}) must be less than 'onboarding_days' ({onboarding})");
        return new NudgeThresholds(map.Days("passive_after", d.PassiveBusinessDays, 1, 60), map.Days("quiet_after", d.QuietDays, 1, 90), onboarding, grace);
    }

    private static SlaTargets Targets(YamlMap policy, string key)
    {
        if (policy.Node(key) is null) policy.Context.Error(policy.Start, $"{policy.What} is missing required field '{key}'");
        if (policy.Map(key, key) is not { } map) return new(default, default, default);
        map.RejectUnknownFields("first_response", "next_response", "resolution");
        return new SlaTargets(
            map.Duration("first_response") ?? default,
            map.Duration("next_response") ?? default,
            map.Duration("resolution") ?? default);
    }
}
