using System.Text.Json.Nodes;

namespace EngageBot.Channels;

/// <summary>
/// A message to send: plain text (also the notification fallback) and optionally an expanded Adaptive Card,
/// which each adapter renders for its platform (Teams attachment, Slack Block Kit). <paramref name="PartnerId"/> names
/// the partner it is about when the destination does not (triage channels, DMs), for the interaction log.
/// </summary>
public sealed record OutboundMessage(string Text, JsonObject? Card = null, string? PartnerId = null);
