using EngageBot.Features.Directory;

namespace EngageBot.Channels.Playground;

/// <summary>
/// The playground's workspace, derived from the partner directory so any directory works without editing the file:
/// each partner has one shared channel (<c>shared-PARTNER</c>) and one contact on its side; all partners share one
/// internal triage channel; each person of the directory is a user whose playground id is their directory id.
/// <see cref="PlaygroundIdentities"/> gives features the same facts through the directory.
/// </summary>
public sealed class PlaygroundWorld(IPartnerDirectory directory)
{
    public const string TriageChannel = "triage";
    public const string OurOrg = "org-ours";

    public static string SharedChannel(string partnerId) => $"shared-{partnerId}";

    public static string DirectChannel(string userId) => $"dm-{userId}";

    public static string ContactId(string partnerId) => $"contact.{partnerId}";

    public static string PartnerOrg(string partnerId) => $"org-{partnerId}";

    /// <summary>Everyone the page can post as: the directory's people (internal), then one contact per partner.</summary>
    public async Task<IReadOnlyList<PlaygroundUser>> UsersAsync(CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var people = snapshot.People.Select(p => new PlaygroundUser(p.Id, p.Name, AuthorKind.Internal, OurOrg,
            string.Join(", ", p.Roles.Select(r => r.ToString().ToLowerInvariant())), null));
        var contacts = snapshot.Partners.Select((p, i) => new PlaygroundUser(ContactId(p.Id), $"{ContactNames[i % ContactNames.Length]} ({p.Name})",
            AuthorKind.Partner, PartnerOrg(p.Id), "partner", p.Id));
        return [.. people, .. contacts];
    }

    public async Task<PlaygroundUser?> UserAsync(string userId, CancellationToken cancellationToken) =>
        (await UsersAsync(cancellationToken)).FirstOrDefault(u => u.Id == userId);

    /// <summary>The shared channels, the triage channel and the user's direct chat with the bot.</summary>
    public async Task<IReadOnlyList<PlaygroundConversation>> ConversationsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        return
        [
            .. snapshot.Partners.Select(p => new PlaygroundConversation(SharedChannel(p.Id), $"#{p.Id}", $"Shared with {p.Name}", "shared", p.Id)),
            new PlaygroundConversation(TriageChannel, "#triage", "Internal triage: ticket cards for every partner", "internal", null),
        ];
    }

    public ChatUser ToChatUser(PlaygroundUser user) => new(user.Id, user.Name, user.Kind, HomeTeamId: user.Org);

    private static readonly string[] ContactNames = ["Dana Reyes", "Kenji Sato", "Mia Jansen", "Omar Haddad", "Zoe Clarke", "Luca Romano"];
}

/// <param name="PartnerId">The partner a contact speaks for; null for our people.</param>
public sealed record PlaygroundUser(string Id, string Name, AuthorKind Kind, string Org, string Role, string? PartnerId);

public sealed record PlaygroundConversation(string Id, string Name, string Topic, string Kind, string? PartnerId);
