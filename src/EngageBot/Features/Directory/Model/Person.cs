using System.Text.Json.Serialization;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Directory.Model;

/// <summary>An internal staff member. WorkingHours (with TimeZone) bounds when they are nudged.</summary>
public sealed record Person(
    string Id,
    string Name,
    string? Email,
    string? SlackUserId,
    string? TeamsAadObjectId,
    IReadOnlyList<PersonRole> Roles,
    [property: JsonPropertyName("timezone")] string? TimeZone,
    DailyHours? WorkingHours)
{
    [JsonIgnore]
    public string DisplayName => $"{Name} ({Id})";

    public bool HasRole(PersonRole role) => Roles.Contains(role);

    /// <summary>When the person works: Monday to Friday within <see cref="WorkingHours"/> in <see cref="TimeZone"/>; null unless both are given.</summary>
    public BusinessCalendarSpec? WorkingCalendar() => TimeZone is { Length: > 0 } zone && WorkingHours is { } hours
        ? new BusinessCalendarSpec(zone, BusinessCalendarSpec.MondayToFriday, hours.Start, hours.End, new HashSet<DateOnly>())
        : null;

    /// <summary>The id to address this person by on a platform, or null if they are not on it.</summary>
    public string? UserIdOn(Channels.ChatPlatform platform) =>
        platform == Channels.ChatPlatform.Slack ? SlackUserId : TeamsAadObjectId;

    public PersonSummary ToSummary() => new(Id, Name, Email,
        Roles.Select(r => r.ToString().ToLowerInvariant()).ToList(), SlackUserId, TeamsAadObjectId);
}
