using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Cli;

/// <summary>Everything `partners show` prints about one partner, with the people, customers, policy and calendar resolved.</summary>
internal sealed record PartnerDetails(
    Partner Partner,
    Person? Owner,
    Person? BackupOwner,
    Person? ExecutiveSponsor,
    IReadOnlyList<Customer> Customers,
    SlaPolicy? SlaPolicy,
    BusinessCalendar Calendar,
    IReadOnlyList<ChannelLink> ChatLinks,
    Digests.Health.PartnerHealth? Health = null)
{
    public static PartnerDetails? Of(DirectorySnapshot snapshot, string partnerId) =>
        snapshot.Partner(partnerId) is not { } p ? null : new PartnerDetails(
            p,
            snapshot.Person(p.OwnerId),
            p.BackupOwnerId is { } b ? snapshot.Person(b) : null,
            p.ExecutiveSponsorId is { } s ? snapshot.Person(s) : null,
            snapshot.CustomersOf(p.Id),
            snapshot.PolicyFor(p.Tier),
            snapshot.CalendarFor(p.Id)!,
            snapshot.ChatLinks.Where(l => l.PartnerId == p.Id).ToList());

    public IEnumerable<string> Lines(ChatPlatforms platforms)
    {
        var p = Partner;
        yield return $"{p.Name} ({p.Id})";
        yield return $"  tier:              {p.Tier}";
        yield return $"  timezone:          {p.TimeZone}";
        yield return $"  onboarded:         {p.OnboardedOn:yyyy-MM-dd}";
        yield return $"  owner:             {Describe(Owner)}";
        yield return $"  backup owner:      {Describe(BackupOwner)}";
        yield return $"  executive sponsor: {Describe(ExecutiveSponsor)}";
        yield return $"  check-in:          {p.CheckIn.ToString().ToLowerInvariant()}";
        yield return $"  ticket mode:       {(p.TicketMode == TicketMode.AllMessages ? "all top-level messages" : "questions only")}";
        foreach (var platform in p.Platforms.Keys.Union(ChatLinks.Select(l => l.Platform)))
        {
            var link = p.On(platform);
            var chat = ChatLinks.Where(l => l.Platform == platform).Select(l => $"{l.ChannelId} (linked in chat)");
            var channels = link.ChannelIds.Concat(chat).ToList();
            if (channels.Count == 0 && link.IsEmpty) continue;
            yield return $"  {platform}:";
            yield return $"    channels:        {(channels.Count == 0 ? "-" : string.Join(", ", channels))}";
            if (link.HomeTeamIds.Count > 0)
                yield return $"    {platforms.Describe(platform).HomeTeamsLabel + ":",-17}{string.Join(", ", link.HomeTeamIds)}";
            if (link.TriageChannelId is { } triage)
                yield return $"    triage channel:  {triage}";
        }
        yield return $"  customers:         {(Customers.Count == 0 ? "-" : string.Join(", ", Customers.Select(c => $"{c.Name} ({c.Id})")))}";
        if (SlaPolicy is { } sla)
        {
            yield return $"  SLA ({sla.Tier}, business hours, warn at {Math.Round(sla.WarningFraction * 100)}%):";
            yield return $"    normal:          {Targets(sla.Normal)}";
            yield return $"    urgent:          {Targets(sla.Urgent)}";
        }
        var c = Calendar;
        yield return $"  calendar:          {(c.IsDefault ? "default" : c.Id)}: {c.TimeZone}, {string.Join(" ", c.WorkingDays.Select(d => d.ToString()[..3]))} {c.Hours}"
            + (c.Holidays.Count > 0 ? $", {c.Holidays.Count} holidays" : "");
        if (Health is { } h)
        {
            yield return $"  health:            {h.Score}/100, {h.Reason} (docs/health-score.md)";
            foreach (var component in h.Components)
                yield return $"    {component.Name + ":",-17}{component.Score,3} × {component.Weight}%  {component.Detail}";
        }
    }

    private static string Describe(Person? person) =>
        person is null ? "-" : person.Email is { } email ? $"{person.Name} ({person.Id}, {email})" : $"{person.Name} ({person.Id})";

    private static string Targets(SlaTargets t) =>
        $"first response {Hours(t.FirstResponse)}, next response {Hours(t.NextResponse)}, resolution {Hours(t.Resolution)}";

    private static string Hours(TimeSpan span) =>
        span.Minutes == 0 ? $"{(int)span.TotalHours}h" : span.Hours == 0 && span.Days == 0 ? $"{span.Minutes}m" : $"{(int)span.TotalHours}h{span.Minutes}m";
}
