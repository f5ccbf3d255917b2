using EngageBot.Channels;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Tickets.Policy;

/// <summary>An internal person as tickets need them: their user id on each platform they are on and when they work (null: always).</summary>
public sealed record TicketPerson(string Id, string Name, IReadOnlyList<PlatformUserId> Identities, BusinessCalendarSpec? WorkingHours = null);
