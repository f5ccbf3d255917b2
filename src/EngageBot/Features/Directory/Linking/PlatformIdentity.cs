using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Linking;

/// <summary>Finds the internal person behind a chat user: by the directory id the platform gave (Teams' AAD object id), else by user id.</summary>
internal static class PlatformIdentity
{
    public static Person? Find(DirectorySnapshot snapshot, ChatPlatform platform, ChatUser user) =>
        (user.AadObjectId is { } aad ? snapshot.PersonByPlatformUser(platform, aad) : null)
        ?? snapshot.PersonByPlatformUser(platform, user.Id);
}
