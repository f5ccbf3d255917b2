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
        map.RejectUnknownFields("tier", "warning_at", "normal", "urgent");
        var warning = map.Fraction("warning_at", 0.75) ?? 0.75;
        return new SlaPolicy(tier, Targets(map, "normal"), Targets(map, "urgent"), warning);
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
