namespace EngageBot.SlackApi.Interactivity;

/// <summary>A slash command, as posted form-encoded: <c>command</c>, <c>text</c>, <c>trigger_id</c>, <c>user_id</c>, <c>channel_id</c>…</summary>
public sealed record SlackSlashCommand(
    string Command, string Text, string UserId, string? UserName, string TeamId, string ChannelId, string? ChannelName,
    string? TriggerId, string? ResponseUrl, string? ApiAppId, string? EnterpriseId)
{
    /// <summary>Null when a required field (command, user_id, channel_id) is missing.</summary>
    public static SlackSlashCommand? FromForm(IReadOnlyDictionary<string, string> form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        if (Get("command") is not { } command || Get("user_id") is not { } user || Get("channel_id") is not { } channel) return null;
        return new(command, Get("text") ?? "", user, Get("user_name"), Get("team_id") ?? "", channel, Get("channel_name"),
            Get("trigger_id"), Get("response_url"), Get("api_app_id"), Get("enterprise_id"));
    }
}
