namespace EngageBot.Channels.Playground;

/// <summary>The reactions the page offers: the ones features act on, by the normalized (Slack) names events carry.</summary>
public static class PlaygroundReactions
{
    public static IReadOnlyList<PlaygroundReaction> All { get; } =
    [
        new("ticket", "🎫", "open a ticket"),
        new("eyes", "👀", "take the ticket"),
        new("white_check_mark", "✅", "resolve the ticket"),
        new("rotating_light", "🚨", "make it urgent"),
        new("triangular_flag_on_post", "🚩", "flag churn risk"),
        new("+1", "👍", ""),
    ];
}

public sealed record PlaygroundReaction(string Name, string Emoji, string Meaning);
