using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory;

/// <summary>
/// An immutable, indexed view of one directory version plus the chat-made channel links, so every lookup
/// an adapter makes per event is a dictionary hit. Channels in the file win over chat-made links.
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly Dictionary<string, Partner> _partners;
    private readonly Dictionary<string, Person> _people;
    private readonly Dictionary<string, Customer> _customers;
    private readonly Dictionary<string, SlaPolicy> _policies;
    private readonly Dictionary<string, BusinessCalendar> _calendars;
    private readonly Dictionary<(ChatPlatform, string), string> _channelOwners = new();
    private readonly Dictionary<(ChatPlatform, string), string> _homeTeams = new();
    private readonly Dictionary<(ChatPlatform, string), List<string>> _triagePartners = new();
    // User ids match case-insensitively: Teams AAD object ids are GUIDs in any case, Slack ids are upper-case and unique either way.
    private readonly Dictionary<(ChatPlatform, string), Person> _platformUsers = new(PlatformUserComparer.Instance);
    private readonly Dictionary<string, List<Partner>> _owned = new(StringComparer.Ordinal);

    public DirectorySnapshot(long version, DirectoryContent content, IReadOnlyList<ChannelLink> links)
    {
        Version = version;
        Content = content;
        _partners = content.Partners.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _people = content.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _customers = content.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _policies = content.Policies.ToDictionary(p => p.Tier, StringComparer.Ordinal);
        _calendars = content.Calendars.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var partner in content.Partners)
        {
            (_owned.TryGetValue(partner.OwnerId, out var owned) ? owned : _owned[partner.OwnerId] = []).Add(partner);
            foreach (var (platform, link) in partner.Platforms)
            {
                foreach (var channel in link.ChannelIds) _channelOwners[(platform, channel)] = partner.Id;
                foreach (var team in link.HomeTeamIds) _homeTeams.TryAdd((platform, team), partner.Id);
                if (link.TriageChannelId is { Length: > 0 } triage)
                    (_triagePartners.TryGetValue((platform, triage), out var users) ? users : _triagePartners[(platform, triage)] = []).Add(partner.Id);
            }
        }
        ChatLinks = links.Where(l => _partners.ContainsKey(l.PartnerId) && !_channelOwners.ContainsKey((l.Platform, l.ChannelId))).ToList();
        foreach (var link in ChatLinks) _channelOwners[(link.Platform, link.ChannelId)] = link.PartnerId;
        foreach (var person in content.People)
            foreach (var identity in person.Identities)
                _platformUsers[(identity.Platform, identity.UserId)] = person;
    }

    public static DirectorySnapshot Empty { get; } = new(0, DirectoryContent.Empty, []);

    /// <summary>The imported version (0 before the first import).</summary>
    public long Version { get; }

    public DirectoryContent Content { get; }

    /// <summary>Chat-made links in effect (those whose partner exists and whose channel the file does not claim).</summary>
    public IReadOnlyList<ChannelLink> ChatLinks { get; }

    public IReadOnlyList<Partner> Partners => Content.Partners;

    public IReadOnlyList<Person> People => Content.People;

    public Partner? Partner(string id) => _partners.GetValueOrDefault(id);

    /// <summary>The partners <paramref name="personId"/> owns (is the accountable internal person of), sorted by id.</summary>
    public IReadOnlyList<Partner> PartnersOwnedBy(string personId) => _owned.TryGetValue(personId, out var owned) ? owned : [];

    /// <summary>The ids of everyone who owns at least one partner.</summary>
    public IEnumerable<string> OwnerIds => _owned.Keys;

    public Person? Person(string id) => _people.GetValueOrDefault(id);

    public Customer? Customer(string id) => _customers.GetValueOrDefault(id);

    public SlaPolicy? PolicyFor(string tier) => _policies.GetValueOrDefault(tier);

    public string? PartnerIdByChannel(ChatPlatform platform, string channelId) => _channelOwners.GetValueOrDefault((platform, channelId));

    /// <summary>The partners whose internal triage channel this is (empty for any other channel).</summary>
    public IReadOnlyList<Partner> TriagePartners(ChatPlatform platform, string channelId) =>
        _triagePartners.TryGetValue((platform, channelId), out var ids) ? ids.Select(id => _partners[id]).ToList() : [];

    /// <summary>
    /// A channel the directory already knows: a partner's shared channel (file or chat link) or an internal triage
    /// channel. Such a channel is never offered for linking: one wrong click would make internal triage partner-facing.
    /// </summary>
    public bool IsKnownChannel(ChatPlatform platform, string channelId) =>
        PartnerIdByChannel(platform, channelId) is not null || _triagePartners.ContainsKey((platform, channelId));

    /// <summary>The partner the imported file gives this channel to (chat links aside): only the file can move it.</summary>
    public Partner? FilePartnerByChannel(ChatPlatform platform, string channelId) =>
        Partners.FirstOrDefault(p => p.On(platform).ChannelIds.Contains(channelId));

    /// <summary>The partner whose Slack team id / Teams tenant id this is, for telling partner-side users apart.</summary>
    public string? PartnerIdByHomeTeam(ChatPlatform platform, string teamOrTenantId) => _homeTeams.GetValueOrDefault((platform, teamOrTenantId));

    public Person? PersonByPlatformUser(ChatPlatform platform, string userId) => _platformUsers.GetValueOrDefault((platform, userId));

    /// <summary>The partner's shared channel on each platform it is on: the first the file names, else one linked from chat.</summary>
    public IReadOnlyList<ConversationRef> SharedChannels(Partner partner)
    {
        var channels = new List<ConversationRef>();
        foreach (var platform in partner.Platforms.Keys.Union(ChatLinks.Where(l => l.PartnerId == partner.Id).Select(l => l.Platform)))
        {
            var channel = partner.On(platform).ChannelIds.FirstOrDefault()
                ?? ChatLinks.FirstOrDefault(l => l.PartnerId == partner.Id && l.Platform == platform)?.ChannelId;
            if (channel is not null) channels.Add(new ConversationRef(platform, channel));
        }
        return channels;
    }

    public IReadOnlyList<Customer> CustomersOf(string partnerId) =>
        _partners.TryGetValue(partnerId, out var p) ? p.CustomerIds.Select(id => _customers[id]).ToList() : [];

    /// <summary>The partner's named calendar, or its default (own time zone, Mon–Fri 09:00–17:00).</summary>
    public BusinessCalendar? CalendarFor(string partnerId) =>
        _partners.TryGetValue(partnerId, out var p)
            ? p.CalendarId is { } id ? _calendars[id] : BusinessCalendar.DefaultFor(p)
            : null;

    public BusinessCalendar? Calendar(string id) => _calendars.GetValueOrDefault(id);

    public IReadOnlyList<Person> PeopleInRole(PersonRole role) => Content.People.Where(p => p.HasRole(role)).ToList();

    private sealed class PlatformUserComparer : IEqualityComparer<(ChatPlatform Platform, string UserId)>
    {
        public static PlatformUserComparer Instance { get; } = new();

        public bool Equals((ChatPlatform Platform, string UserId) x, (ChatPlatform Platform, string UserId) y) =>
            x.Platform == y.Platform && string.Equals(x.UserId, y.UserId, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((ChatPlatform Platform, string UserId) key) =>
            HashCode.Combine(key.Platform, StringComparer.OrdinalIgnoreCase.GetHashCode(key.UserId));
    }
}
