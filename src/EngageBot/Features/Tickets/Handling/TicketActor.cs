using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>Who acted, as the ticket feature sees them: internal (may run the support side), partner-side, or a bot.</summary>
public sealed record TicketActor(ChatUser User, TicketParty Party, bool IsInternal)
{
    public bool IsBot => User.Kind == AuthorKind.Bot;

    /// <summary>Anyone who is neither internal nor a bot is treated as partner-side: they see only their own partner's tickets.</summary>
    public bool IsPartnerSide => !IsInternal && !IsBot;

    public static async Task<TicketActor?> ResolveAsync(ChatEvent e, ITicketPolicySource policies, CancellationToken ct)
    {
        if (e.Actor is not { } user) return null;
        if (user.Kind == AuthorKind.Bot) return new TicketActor(user, new TicketParty(user.Id, user.DisplayName), false);
        TicketPerson? person = null;
        if (user.Kind != AuthorKind.Partner)
        {
            person = await policies.FindInternalPersonAsync(e.Platform, user.Id, ct);
            if (person is null && user.AadObjectId is { } aad) person = await policies.FindInternalPersonAsync(e.Platform, aad, ct);
        }
        var isInternal = user.Kind == AuthorKind.Internal || person is not null;
        return new TicketActor(user, new TicketParty(user.Id, person?.Name ?? user.DisplayName, person?.Id), isInternal);
    }
}
