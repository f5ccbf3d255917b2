namespace EngageBot.Channels.Slack;

/// <summary>Who "we" are for one inbound payload: our workspace (never the payload's, see <see cref="SlackWorkspace"/>) and our bot user.</summary>
public sealed record SlackContext(string? OurTeamId, string? BotUserId, bool IsExtSharedChannel = false);
