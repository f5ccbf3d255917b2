using EngageBot.Features.Digests.Figures;
using EngageBot.Features.Digests.Health;

namespace EngageBot.Features.Digests;

/// <summary>
/// One digest: a week's figures for a set of partners beside the previous week's, eight weeks of SLA attainment, and
/// the partners most in need of attention (lowest health, with the reason and the change since last week).
/// </summary>
public sealed record Digest(
    IsoWeek Week,
    string TimeZone,
    string Scope,
    DateTimeOffset WeekStart,
    DateTimeOffset WeekEnd,
    WeekFigures Current,
    WeekFigures Previous,
    IReadOnlyList<WeekFigures> Trend,
    IReadOnlyList<AttentionItem> Attention);

/// <summary>A partner that needs attention: its health now, the reason, and its score a week earlier (null if it was not a partner yet).</summary>
public sealed record AttentionItem(PartnerHealth Health, int? PreviousScore)
{
    public int? Change => PreviousScore is { } p ? Health.Score - p : null;
}
