using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory.Model;

/// <summary>
/// When a tier's partner shows up in its owner's daily nudge (the policy's optional <c>nudges:</c> map). Days are whole:
/// passive counts business days on the partner's calendar; the others count calendar days.
/// </summary>
/// <param name="PassiveBusinessDays">No partner-side message for this many business days: passive.</param>
/// <param name="QuietDays">No message from our side in the partner's channel for this many days: communication decay.</param>
/// <param name="OnboardingDays">How long after onboarding a partner counts as onboarding.</param>
/// <param name="OnboardingGraceDays">An onboarding partner with no answered check-in and no ticket is flagged from this many days in.</param>
public sealed record NudgeThresholds(
    [property: JsonPropertyName("passive_after")] int PassiveBusinessDays,
    [property: JsonPropertyName("quiet_after")] int QuietDays,
    [property: JsonPropertyName("onboarding_days")] int OnboardingDays,
    [property: JsonPropertyName("onboarding_grace")] int OnboardingGraceDays)
{
    public static NudgeThresholds Default { get; } = new(5, 7, 90, 14);
}
