namespace EngageBot.Channels;

/// <summary>
/// Where to DM a person who may be on several platforms: on <c>preferred</c> (where the matter came up) when they are
/// there, else on the first other platform they are on. Shared by every feature that DMs people (ticket nudges,
/// churn escalations, daily manager nudges, unreachable-channel notices).
/// </summary>
public static class DirectAddress
{
    /// <param name="userIdOn">The person's user id on a platform, or null/empty when they are not on it.</param>
    public static (ChatPlatform Platform, string UserId)? Choose(ChatPlatform preferred, Func<ChatPlatform, string?> userIdOn)
    {
        if (userIdOn(preferred) is { Length: > 0 } id) return (preferred, id);
        foreach (var platform in Enum.GetValues<ChatPlatform>())
            if (platform != preferred && userIdOn(platform) is { Length: > 0 } other) return (platform, other);
        return null;
    }

    public static DeliveryTarget? Target(ChatPlatform preferred, Func<ChatPlatform, string?> userIdOn) =>
        Choose(preferred, userIdOn) is { } a ? DeliveryTarget.Direct(a.Platform, a.UserId) : null;
}
