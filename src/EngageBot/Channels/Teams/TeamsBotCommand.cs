namespace EngageBot.Channels.Teams;

/// <summary>
/// Teams has no slash commands: picking from the manifest's command menu or typing "@EngageBot tickets acme" both
/// arrive as message text. The first word must be a whole command word ("ticket:" or "tickets?" stay conversation).
/// </summary>
internal static class TeamsBotCommand
{
    /// <summary>The command word (lower case, as Slack's /engagebot names it) and the rest, or null for ordinary text.</summary>
    public static (string Word, string Arguments)? Parse(string text)
    {
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && BotCommands.All.Contains(parts[0])
            ? (parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : "")
            : null;
    }
}
