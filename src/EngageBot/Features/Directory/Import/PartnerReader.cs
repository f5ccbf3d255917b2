using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

internal static class PartnerReader
{
    private static readonly string[] Fields =
        ["id", "name", "tier", "timezone", "onboarded", "owner", "backup_owner", "executive_sponsor",
         "check_in", "ticket_mode", "calendar", "slack", "teams"];

    public static Partner Read(YamlMap map)
    {
        var ctx = map.Context;
        var id = map.Id("id") ?? "";
        if (id.Length > 0)
        {
            map.What = $"partner '{id}'";
            ctx.Define("partner", id, map.Node("id")!.Start);
        }
        map.RejectUnknownFields(Fields);
        var tier = map.Id("tier");
        if (tier is not null)
            ctx.Refer(ReferenceKind.Tier, tier, map.Node("tier")!.Start, $"{map.What} has unknown tier '{tier}' (no SLA policy for it)");
        var calendar = map.Id("calendar", required: false);
        var (checkIn, checkInTiming) = CheckInReader.Read(map);
        if (calendar is not null)
            ctx.Refer(ReferenceKind.Calendar, calendar, map.Node("calendar")!.Start, $"{map.What} has unknown calendar '{calendar}'");
        return new Partner(
            id,
            map.Text("name") ?? "",
            tier ?? "",
            map.TimeZone("timezone") ?? "",
            map.Date("onboarded") ?? default,
            PersonRef(map, "owner", "owner", required: true) ?? "",
            PersonRef(map, "backup_owner", "backup owner", required: false),
            PersonRef(map, "executive_sponsor", "executive sponsor", required: false),
            checkIn,
            map.Enum<TicketMode>("ticket_mode", TicketMode.QuestionsOnly) ?? default,
            calendar,
            ReadLink(map, "slack", "team_ids", "Slack channel"),
            ReadLink(map, "teams", "tenant_ids", "Teams channel"),
            [],
            checkInTiming);
    }

    private static string? PersonRef(YamlMap map, string key, string role, bool required)
    {
        var person = map.Id(key, required);
        if (person is not null)
            map.Context.Refer(ReferenceKind.Person, person, map.Node(key)!.Start, $"{map.What} has unknown {role} '{person}'");
        return person;
    }

    private static PlatformLink ReadLink(YamlMap partner, string key, string homeTeamsKey, string channelKind)
    {
        if (partner.Map(key, key) is not { } map) return PlatformLink.None;
        map.RejectUnknownFields("channels", homeTeamsKey, "triage_channel");
        var channels = map.List("channels");
        foreach (var (channel, at) in channels)
        {
            // Adapters key Teams channels by the conversation id without the per-thread suffix.
            if (channel.Contains(";messageid=", StringComparison.OrdinalIgnoreCase))
                map.Context.Error(at, $"{partner.What}: {channelKind} '{channel}' must be the channel id without ';messageid=…'");
            map.Context.Claim(channelKind, channel, partner.What, at, partner.What);
        }
        var triage = map.Optional("triage_channel");
        if (triage is ({ } triageId, var triageAt)) map.Context.TriageChannels.Add((channelKind, triageId, triageAt, partner.What));
        return new PlatformLink(channels.Select(c => c.Value).ToList(), map.List(homeTeamsKey).Select(t => t.Value).ToList(), triage?.Value);
    }
}
