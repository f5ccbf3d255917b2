namespace EngageBot.Channels;

/// <summary>
/// What features need to know about a platform without asking which one it is. Each adapter registers one
/// (also when it is not configured: stored tickets of that platform still need their links and help texts).
/// </summary>
public interface IChatPlatformDescriptor
{
    ChatPlatform Platform { get; }

    /// <summary>How people type a bot command here, with a trailing space ("/engagebot ", "@EngageBot ").</summary>
    string CommandPrefix { get; }

    /// <summary>What the platform calls the organisations users belong to, for listings ("team ids", "tenant ids").</summary>
    string HomeTeamsLabel { get; }

    /// <summary>True where a refused form submission can show its reason only on a field (Slack modals).</summary>
    bool FormErrorsOnFieldsOnly { get; }

    /// <summary>
    /// True where Adaptive Card chart elements (Chart.Line, Chart.Donut, …) render natively (Teams); elsewhere charts
    /// arrive as fallback tables or pictures. The digest prefers such a platform for people reachable on several.
    /// </summary>
    bool RendersCardCharts => false;

    /// <summary>A link that opens a thread (or a message) in the platform's client.</summary>
    string ThreadLink(ConversationRef channel, string rootMessageId);

    /// <summary>A link that opens the channel itself in the platform's client.</summary>
    string ChannelLink(ConversationRef channel);
}
