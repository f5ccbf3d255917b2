using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Tickets.Policy;

/// <summary>An internal person as tickets need them: how to DM them on each platform and when they work (null: always).</summary>
public sealed record TicketPerson(string Id, string Name, string? SlackUserId, string? TeamsAadObjectId, BusinessCalendarSpec? WorkingHours = null)
{
    public string? UserIdOn(Channels.ChatPlatform platform) => platform switch
    {
        Channels.ChatPlatform.Slack => SlackUserId,
        Channels.ChatPlatform.Teams => TeamsAadObjectId,
        _ => null,
    };
}
