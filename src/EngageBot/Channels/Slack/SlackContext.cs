namespace EngageBot.Channels.Slack;

/// <summary>Who "we" are for one inbound payload: our workspace and our bot user, from options or the payload itself.</summary>
public sealed record SlackContext(string? OurTeamId, string? BotUserId, bool IsExtSharedChannel = false);
