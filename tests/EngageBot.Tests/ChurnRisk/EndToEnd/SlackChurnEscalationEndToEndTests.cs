using System.Net;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory.Import;
using EngageBot.Tests.Slack;
using EngageBot.Tests.Tickets.EndToEnd;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.ChurnRisk.EndToEnd;

/// <summary>
/// A churn warning's escalation on Slack through the real host: a signed partner message, the real inbox, the rules
/// detector, the escalation sweeper and the real outbox delivering DMs to a loopback fake Slack, on a manual clock.
/// </summary>
public sealed class SlackChurnEscalationEndToEndTests : IAsyncLifetime
{
    private const string Owner = SlackPayloads.InternalUser;
    private const string Backup = "U0BACKUP01";
    private const string Sponsor = "U0SPONSOR1";

    private static readonly string Directory = $$"""
        version: 1
        policies:
          - tier: gold
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        people:
          - { id: olivia.owner, name: Olivia Owner, slack_user_id: {{Owner}}, roles: [manager] }
          - { id: bea.backup, name: Bea Backup, slack_user_id: {{Backup}}, roles: [manager] }
          - { id: sam.sponsor, name: Sam Sponsor, slack_user_id: {{Sponsor}}, roles: [executive] }
        partners:
          - id: acme
            name: Acme Partners
            tier: gold
            timezone: UTC
            onboarded: 2025-01-06
            owner: olivia.owner
            backup_owner: bea.backup
            executive_sponsor: sam.sponsor
            slack:
              team_ids: [{{SlackPayloads.PartnerTeam}}]
              channels: [{{SlackPayloads.Channel}}]
        customers:
          - { id: globex, name: Globex, partners: [acme] }
        """;

    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser(SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam, name: "Pat Partner");
        _slack.AddUser(Owner, SlackHost.OurTeam, name: "Olivia Owner");
        _slack.AddUser(Backup, SlackHost.OurTeam, name: "Bea Backup");
        _slack.AddUser(Sponsor, SlackHost.OurTeam, name: "Sam Sponsor");
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_partners_churn_warning_reaches_the_owner_then_the_backup_once_the_ack_deadline_passes()
    {
        await using var host = new TicketsSlackHost(_slack);
        _ = host.Server;
        var imported = await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        // The sentence model loads once per process on the first message (seconds, more on a busy machine): load it
        // here so the wait below measures the flow, not the load.
        new MiniLmEmbedder().Embed(["warm-up"]);

        var posted = await host.PostEventAsync(
            SlackPayloads.Message("1793610000.000100", "Heads up: Globex told us this morning they will not renew in March unless SSO is fixed."), "EvChurn1");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        await ClockedEventually.TrueAsync(host.Time, () => DirectMessagesTo(Owner).Count == 1, TimeSpan.FromSeconds(15));
        Assert.Contains("Globex", DirectMessagesTo(Owner)[0].Body);

        // A high risk must be acknowledged within 4 hours; at 13:05 nobody has, so the backup is brought in, once.
        var sweeper = host.Services.GetRequiredService<ChurnEscalationSweeper>();
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 13, 5, 0, TimeSpan.Zero));
        await sweeper.SweepAsync(default);
        await sweeper.SweepAsync(default);
        await ClockedEventually.TrueAsync(host.Time, () => DirectMessagesTo(Backup).Count == 1, TimeSpan.FromSeconds(15));

        Assert.Single(DirectMessagesTo(Owner));
        Assert.Single(DirectMessagesTo(Backup));
        Assert.Empty(DirectMessagesTo(Sponsor));
    }

    private List<RecordedSlackCall> DirectMessagesTo(string user) =>
        _slack.CallsTo("chat.postMessage").Where(c => c.Field("channel") == "D" + user).ToList();
}
