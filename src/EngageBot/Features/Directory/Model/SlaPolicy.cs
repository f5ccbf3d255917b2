using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory.Model;

/// <summary>
/// The SLA of one partner tier. Targets are business hours on the partner's calendar; a warning is due
/// once WarningFraction of a target has elapsed.
/// </summary>
public sealed record SlaPolicy(string Tier, SlaTargets Normal, SlaTargets Urgent, [property: JsonPropertyName("warning_at")] double WarningFraction)
{
    public SlaTargets For(bool urgent) => urgent ? Urgent : Normal;
}

public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution);
