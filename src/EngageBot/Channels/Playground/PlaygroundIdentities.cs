using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Channels.Playground;

/// <summary>
/// The playground's presence in the directory, as the file's <c>slack</c> and <c>teams</c> sections give the other platforms':
/// every partner's shared channel and organisation, the one triage channel, and each person's id (their directory id).
/// </summary>
public sealed class PlaygroundIdentities : IPlatformDirectoryProjection
{
    public ChatPlatform Platform => PlaygroundPlatform.Id;

    public PlatformLink? LinkFor(Partner partner) =>
        new([PlaygroundWorld.SharedChannel(partner.Id)], [PlaygroundWorld.PartnerOrg(partner.Id)], PlaygroundWorld.TriageChannel);

    public string? UserIdFor(Person person) => person.Id;
}
