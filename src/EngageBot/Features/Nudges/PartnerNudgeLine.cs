namespace EngageBot.Features.Nudges;

/// <summary>
/// One partner in an owner's daily nudge: who, a link to its shared channel, and why it is there. The one place a
/// per-partner field is added (e.g. a health score): the card data is built from this type alone.
/// </summary>
/// <param name="Health">The partner's health score and its weakest component, e.g. "health 62/100: no partner activity in 4 weeks" (docs/health-score.md).</param>
public sealed record PartnerNudgeLine(string PartnerId, string PartnerName, string? ChannelUrl, IReadOnlyList<NudgeReason> Reasons, string? Health = null);
