using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Linking;

/// <summary>Finds the internal person behind a chat user: Teams by AAD object id (the directory's key), Slack by user id.</summary>
internal static class PlatformIdentity
{
    public static Person? Find(DirectorySnapshot snapshot, ChatPlatform platform, ChatUser user) =>
        (platform == ChatPlatform.Teams && user.AadObjectId is { } aad ? snapshot.PersonByPlatformUser(platform, aad) : null)
        ?? snapshot.PersonByPlatformUser(platform, user.Id);
}
