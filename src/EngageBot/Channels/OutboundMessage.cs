using System.Text.Json.Nodes;
using EngageBot.Cards.Charts;

namespace EngageBot.Channels;

/// <summary>
/// A message to send: plain text (also the notification fallback) and optionally an expanded Adaptive Card,
/// which each adapter renders for its platform (Teams attachment, Slack Block Kit). <paramref name="PartnerId"/> names
/// the partner it is about when the destination does not (triage channels, DMs), for the interaction log.
/// <paramref name="Charts"/> are pictures to show with it, as data (the outbox stores the spec, never image bytes):
/// Slack draws each as a PNG at delivery and shows it below the message; Teams ignores them, its card carries
/// <c>Chart.*</c> elements instead (docs/charts.md).
/// </summary>
public sealed record OutboundMessage(string Text, JsonObject? Card = null, string? PartnerId = null, IReadOnlyList<ChartSpec>? Charts = null)
{
    /// <summary>Charts per message: each becomes an image block and one upload, and a message holds at most 50 blocks.</summary>
    public const int MaxCharts = 10;
}
