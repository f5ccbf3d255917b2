using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory;

/// <summary>
/// A platform whose workspace is derived from the directory rather than described in the file (the playground):
/// it gives each partner its presence there and each person their user id there. Applied to every snapshot, never stored,
/// so the directory file and its schema stay as they are.
/// </summary>
public interface IPlatformDirectoryProjection
{
    ChatPlatform Platform { get; }

    PlatformLink? LinkFor(Partner partner);

    string? UserIdFor(Person person);
}
