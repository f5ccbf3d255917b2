namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>Someone acting on a ticket: their platform user id, display name and, for internal people, their directory id.</summary>
public sealed record TicketParty(string PlatformUserId, string? Name, string? PersonId = null)
{
    public static readonly TicketParty System = new("engagebot", "EngageBot");

    public string Display => Name ?? PlatformUserId;
}
