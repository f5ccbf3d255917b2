using System.Globalization;
using System.Text;

namespace EngageBot.Tests.ScaleOut;

/// <summary>
/// The partner directory of the scale-out test: partners with a Slack Connect channel, a triage channel and an owner
/// each, on a round-the-clock calendar, under a tier whose first-response warning comes due seconds after a ticket
/// opens (10 minutes × 0.01 = 6 s) and whose breaches lie far beyond the test: each ticket has exactly one SLA nudge due.
/// </summary>
public static class ScaleOutDirectory
{
    public const string OurTeam = "T0OURTEAM";

    public static string SharedChannel(int partner) => $"C0P{partner:D2}SHARE";

    public static string TriageChannel(int partner) => $"C0P{partner:D2}TRIAG";

    public static string OwnerSlackId(int partner) => $"U0OWNER{partner:D2}";

    public static string PartnerTeam(int partner) => $"T0P{partner:D2}TEAM";

    public static string Yaml(int partners)
    {
        var yaml = new StringBuilder("""
            version: 1
            policies:
              - tier: fast
                warning_at: 0.01
                normal: { first_response: 10m, next_response: 100h, resolution: 100h }
                urgent: { first_response: 10m, next_response: 100h, resolution: 100h }
            calendars:
              - { id: always, timezone: Etc/UTC, working_days: [mon, tue, wed, thu, fri, sat, sun], hours: "00:00-24:00" }
            people:

            """);
        for (var p = 1; p <= partners; p++)
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: owner{p:D2}, name: Owner {p:D2}, slack_user_id: {OwnerSlackId(p)}, roles: [manager] }}");
        yaml.AppendLine("partners:");
        for (var p = 1; p <= partners; p++)
            yaml.AppendLine(CultureInfo.InvariantCulture, $$"""
                  - id: p{{p:D2}}
                    name: Partner {{p:D2}}
                    tier: fast
                    timezone: Etc/UTC
                    onboarded: 2024-01-01
                    owner: owner{{p:D2}}
                    calendar: always
                    check_in: none
                    slack: { team_ids: [{{PartnerTeam(p)}}], channels: [{{SharedChannel(p)}}], triage_channel: {{TriageChannel(p)}} }
                """);
        return yaml.ToString();
    }
}
