using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory.Model;

/// <summary>A partner company and everything features need to serve it.</summary>
/// <param name="CustomerIds">Derived from the customers that name this partner (the YAML lists partners on customers only).</param>
/// <param name="CheckInTiming">Day, time or cron of the check-in; null means the cadence's defaults.</param>
/// <param name="CalendarId">The business-hours calendar; null means the partner's time zone, Mon–Fri 09:00–17:00.</param>
public sealed record Partner(
    string Id,
    string Name,
    string Tier,
    [property: JsonPropertyName("timezone")] string TimeZone,
    [property: JsonPropertyName("onboarded")] DateOnly OnboardedOn,
    [property: JsonPropertyName("owner")] string OwnerId,
    [property: JsonPropertyName("backup_owner")] string? BackupOwnerId,
    [property: JsonPropertyName("executive_sponsor")] string? ExecutiveSponsorId,
    CheckInCadence CheckIn,
    TicketMode TicketMode,
    [property: JsonPropertyName("calendar")] string? CalendarId,
    PlatformLink Slack,
    PlatformLink Teams,
    [property: JsonPropertyName("customers")] IReadOnlyList<string> CustomerIds,
    [property: JsonPropertyName("check_in_timing")] CheckInTiming? CheckInTiming = null,
    [property: JsonPropertyName("other_platforms"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<Channels.ChatPlatform, PlatformLink>? OtherPlatforms = null)
{
    /// <summary>Day and time of the check-in (defaults when the directory names none).</summary>
    [JsonIgnore]
    public CheckInTiming CheckInWhen => CheckInTiming ?? CheckInTiming.Default;

    [JsonIgnore]
    public string DisplayName => $"{Name} ({Id})";

    /// <summary>The partner's presence per platform: the file's <c>slack</c> and <c>teams</c> sections, then any other platform's.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<Channels.ChatPlatform, PlatformLink> Platforms
    {
        get
        {
            var all = new Dictionary<Channels.ChatPlatform, PlatformLink> { [Channels.ChatPlatform.Slack] = Slack, [Channels.ChatPlatform.Teams] = Teams };
            foreach (var (platform, link) in OtherPlatforms ?? new Dictionary<Channels.ChatPlatform, PlatformLink>()) all[platform] = link;
            return all;
        }
    }

    public PlatformLink On(Channels.ChatPlatform platform) => Platforms.GetValueOrDefault(platform) ?? PlatformLink.None;
}
