using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory.Import;
using EngageBot.Tests.Cards;
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
        await using var host = await StartAsync();

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

        // Monday 13:05 is also past the sponsor's weekly digest (an executive) and the managers' daily nudge: count the
        // risk's messages only, which name its customer.
        Assert.Single(RiskMessagesTo(Owner));
        Assert.Single(RiskMessagesTo(Backup));
        Assert.Empty(RiskMessagesTo(Sponsor));
    }

    [Fact]
    public async Task Resolving_from_the_dm_card_opens_the_risks_own_form_then_replaces_the_card_and_confirms()
    {
        await using var host = await StartAsync();
        await host.PostEventAsync(
            SlackPayloads.Message("1793610000.000100", "Heads up: Globex told us this morning they will not renew in March unless SSO is fixed."), "EvChurnForm");
        await ClockedEventually.TrueAsync(host.Time, () => DirectMessagesTo(Owner).Count == 1, TimeSpan.FromSeconds(15));
        var resolve = FormButtons(DirectMessagesTo(Owner)[0].Json).Single(b => ((string?)b["value"])!.Contains(CardVerbs.ChurnResolve, StringComparison.Ordinal));

        const string cardTs = "1793610001.000200";
        var press = await host.PostSignedAsync("/api/slack/interactions", Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = Owner, ["team_id"] = SlackHost.OurTeam },
            ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam },
            ["channel"] = new JsonObject { ["id"] = "D" + Owner },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = cardTs, ["channel_id"] = "D" + Owner },
            ["trigger_id"] = "1.2.churn-form",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = CardVerbs.OpenForm, ["block_id"] = "b1", ["value"] = (string?)resolve["value"], ["action_ts"] = "1793610002.000100",
            }),
        }), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, press.StatusCode);

        var view = _slack.CallsTo("views.open").Single().Json["view"]!.AsObject();
        Assert.Equal(CardVerbs.ChurnResolve, (string?)view["callback_id"]);
        Assert.Contains("will not renew in March unless SSO is fixed", view.ToJsonString(CardFixtures.Readable), StringComparison.Ordinal);
        CardFixtures.AssertNoSampleValue(view, "the Resolve form");

        var submit = await host.PostSignedAsync("/api/slack/interactions", Interaction(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = Owner, ["team_id"] = SlackHost.OurTeam },
            ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam },
            ["trigger_id"] = "1.2.churn-submit",
            ["view"] = new JsonObject
            {
                ["id"] = "V0CHURN1", ["type"] = "modal", ["callback_id"] = view["callback_id"]!.DeepClone(), ["private_metadata"] = view["private_metadata"]!.DeepClone(),
                ["hash"] = "1.churn",
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        [CardInputs.Outcome] = new JsonObject { [CardInputs.Outcome] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "saved" } } },
                    },
                },
            },
        }), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.DoesNotContain("errors", await submit.Content.ReadAsStringAsync());

        await ClockedEventually.TrueAsync(host.Time, () => _slack.CallsTo("chat.update").Any(c => c.Field("channel") == "D" + Owner && c.Field("ts") == cardTs)
            && _slack.CallsTo("chat.postEphemeral").Any(c => c.Field("channel") == "D" + Owner && c.Field("user") == Owner), TimeSpan.FromSeconds(15));
        var updated = _slack.CallsTo("chat.update").Single(c => c.Field("ts") == cardTs).Json;
        Assert.Contains("Resolved (saved", updated.ToJsonString(CardFixtures.Readable), StringComparison.Ordinal);
        Assert.Empty(FormButtons(updated));
        Assert.DoesNotContain(CardVerbs.ChurnResolve, updated.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("resolved", _slack.CallsTo("chat.postEphemeral").Single(c => c.Field("user") == Owner).Field("text"), StringComparison.Ordinal);
    }

    /// <summary>The real host on the fake Slack, with <see cref="Directory"/> imported.</summary>
    private async Task<TicketsSlackHost> StartAsync()
    {
        var host = new TicketsSlackHost(_slack);
        _ = host.Server;
        var imported = await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        // The sentence model loads once per process on the first message (seconds, more on a busy machine): load it
        // here so the waits measure the flow, not the load.
        new MiniLmEmbedder().Embed(["warm-up"]);
        return host;
    }

    private static string Interaction(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    private static List<JsonObject> FormButtons(JsonObject message) =>
        (message["blocks"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(e => (string?)e["action_id"] == CardVerbs.OpenForm).ToList();

    private List<RecordedSlackCall> RiskMessagesTo(string user) =>
        DirectMessagesTo(user).Where(m => m.Body.Contains("Globex", StringComparison.Ordinal)).ToList();

    private List<RecordedSlackCall> DirectMessagesTo(string user) =>
        _slack.CallsTo("chat.postMessage").Where(c => c.Field("channel") == "D" + user).ToList();
}
