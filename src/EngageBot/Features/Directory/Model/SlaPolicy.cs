using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory.Model;

/// <summary>
/// The policy of one partner tier: its SLA (targets are business hours on the partner's calendar; a warning is due
/// once WarningFraction of a target has elapsed) and when its partners appear in their owner's daily nudge.
/// </summary>
public sealed record SlaPolicy(string Tier, SlaTargets Normal, SlaTargets Urgent, [property: JsonPropertyName("warning_at")] double WarningFraction,
    [property: JsonPropertyName("nudges")] NudgeThresholds? Nudges = null)
{
    public SlaTargets For(bool urgent) => urgent ? Urgent : Normal;

    /// <summary>The tier's nudge thresholds, or the defaults when the file gives none (and for snapshots stored before they existed).</summary>
    [JsonIgnore]
    public NudgeThresholds NudgesOrDefault => Nudges ?? NudgeThresholds.Default;
}

public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution);
