using System.Text.Json.Serialization;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Directory.Model;

/// <summary>
/// An internal staff member. WorkingHours (with TimeZone) bounds when they are nudged. The directory file names their
/// Slack and Teams ids; <paramref name="OtherIdentities"/> holds ids on further platforms (derived, e.g. the playground's).
/// </summary>
public sealed record Person(
    string Id,
    string Name,
    string? Email,
    string? SlackUserId,
    string? TeamsAadObjectId,
    IReadOnlyList<PersonRole> Roles,
    [property: JsonPropertyName("timezone")] string? TimeZone,
    DailyHours? WorkingHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Channels.PlatformUserId>? OtherIdentities = null)
{
    [JsonIgnore]
    public string DisplayName => $"{Name} ({Id})";

    public bool HasRole(PersonRole role) => Roles.Contains(role);

    /// <summary>When the person works: Monday to Friday within <see cref="WorkingHours"/> in <see cref="TimeZone"/>; null unless both are given.</summary>
    public BusinessCalendarSpec? WorkingCalendar() => TimeZone is { Length: > 0 } zone && WorkingHours is { } hours
        ? new BusinessCalendarSpec(zone, BusinessCalendarSpec.MondayToFriday, hours.Start, hours.End, new HashSet<DateOnly>())
        : null;

    /// <summary>Every platform this person can be reached on, the file's Slack and Teams ids first.</summary>
    [JsonIgnore]
    public IReadOnlyList<Channels.PlatformUserId> Identities =>
    [
        .. SlackUserId is { Length: > 0 } slack ? [new Channels.PlatformUserId(Channels.ChatPlatform.Slack, slack)] : Array.Empty<Channels.PlatformUserId>(),
        .. TeamsAadObjectId is { Length: > 0 } aad ? [new Channels.PlatformUserId(Channels.ChatPlatform.Teams, aad)] : Array.Empty<Channels.PlatformUserId>(),
        .. OtherIdentities ?? [],
    ];

    /// <summary>The id to address this person by on a platform, or null if they are not on it.</summary>
    public string? UserIdOn(Channels.ChatPlatform platform) => Channels.PlatformUserIds.On(Identities, platform);

    public PersonSummary ToSummary() => new(Id, Name, Email,
        Roles.Select(r => r.ToString().ToLowerInvariant()).ToList(), SlackUserId, TeamsAadObjectId);
}
