namespace EngageBot.Channels.Teams;

/// <summary>
/// Teams reaction types (subscribe-to-conversation-events.md: like, heart, laugh, surprised, sad, angry) mapped to the
/// Slack names ReactionChanged is normalized to; newer Teams emoji names pass through unchanged.
/// </summary>
internal static class TeamsReactionNames
{
    private static readonly Dictionary<string, string> ToNeutral = new(StringComparer.OrdinalIgnoreCase)
    {
        ["like"] = "+1",
        ["heart"] = "heart",
        ["laugh"] = "laughing",
        ["surprised"] = "open_mouth",
        ["sad"] = "cry",
        ["angry"] = "angry",
    };

    public static string Normalize(string teamsType) => ToNeutral.TryGetValue(teamsType, out var name) ? name : teamsType;
}
