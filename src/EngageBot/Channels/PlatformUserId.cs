namespace EngageBot.Channels;

/// <summary>A person's address on one platform (Slack user id, Teams AAD object id, playground user id).</summary>
public sealed record PlatformUserId(ChatPlatform Platform, string UserId);

public static class PlatformUserIds
{
    /// <summary>The address on the preferred platform (where the signal came from), else the first the person has elsewhere.</summary>
    public static PlatformUserId? Preferring(this IEnumerable<PlatformUserId> identities, ChatPlatform preferred)
    {
        var all = identities.Where(i => i.UserId.Length > 0).ToList();
        return all.FirstOrDefault(i => i.Platform == preferred) ?? all.FirstOrDefault();
    }

    public static string? On(this IEnumerable<PlatformUserId> identities, ChatPlatform platform) =>
        identities.FirstOrDefault(i => i.Platform == platform && i.UserId.Length > 0)?.UserId;
}
