using System.Text.Json.Nodes;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Feedback;
using EngageBot.Tests.Slack;
using EngageBot.Tests.Tickets.EndToEnd;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.Feedback;

/// <summary>
/// The real host against a loopback fake Slack with one partner (acme, owned by Olivia, our side) and the test's clock;
/// payload builders for the interactions feedback arrives by.
/// </summary>
internal sealed class SlackFeedbackWorld : IAsyncDisposable
{
    public const string Owner = SlackPayloads.InternalUser;
    public const string Partner = SlackPayloads.PartnerUser;

    private static readonly string Directory = $$"""
        version: 1
        policies:
          - tier: gold
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        people:
          - id: olivia.owner
            name: Olivia Owner
            slack_user_id: {{Owner}}
            roles: [manager, support]
            timezone: UTC
        partners:
          - id: acme
            name: Acme Corp
            tier: gold
            timezone: UTC
            onboarded: 2025-01-06
            owner: olivia.owner
            ticket_mode: questions_only
            slack:
              team_ids: [{{SlackPayloads.PartnerTeam}}]
              channels: [{{SlackPayloads.Channel}}]
        """;

    private SlackFeedbackWorld(FakeSlackServer slack, TicketsSlackHost host)
    {
        Slack = slack;
        Host = host;
    }

    public FakeSlackServer Slack { get; }
    public TicketsSlackHost Host { get; }
    public FeedbackStore Store => Host.Services.GetRequiredService<FeedbackStore>();

    public static async Task<SlackFeedbackWorld> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AddUser(Partner, SlackPayloads.PartnerTeam, name: "Pat Partner");
        slack.AddUser(Owner, SlackHost.OurTeam, name: "Olivia Owner");
        // Feedback is not about churn detection: the rules detector keeps the sentence model (seconds to load on the first
        // message of a busy run) off the path these tests time.
        var all = new Dictionary<string, string> { ["EngageBot:ChurnRisk:Detection:Provider"] = "Rules" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var host = new TicketsSlackHost(slack, all);
        _ = host.Server;
        var imported = await host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        return new SlackFeedbackWorld(slack, host);
    }

    public Task<HttpResponseMessage> InteractAsync(JsonObject payload) =>
        Host.PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    public async Task<List<FeedbackEntry>> FeedbackAsync()
    {
        var found = new List<FeedbackEntry>();
        await foreach (var entry in Store.ListAsync("acme", DateTimeOffset.UnixEpoch)) found.Add(entry);
        return found;
    }

    public Task EventuallyAsync(Func<bool> condition) => ClockedEventually.TrueAsync(Host.Time, condition, TimeSpan.FromSeconds(15));

    public static JsonObject MessageShortcut(string user, string team, string messageTs, string text) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = "log_feedback",
        ["trigger_id"] = "13345224609.738474920." + Guid.NewGuid().ToString("N"),
        ["message_ts"] = messageTs,
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = Partner, ["ts"] = messageTs, ["text"] = text },
        ["user"] = new JsonObject { ["id"] = user, ["name"] = "someone", ["team_id"] = team },
        ["channel"] = new JsonObject { ["id"] = SlackPayloads.Channel, ["name"] = "partner-acme" },
        ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam, ["domain"] = "ours" },
        ["action_ts"] = "1793610400.000500",
    };

    /// <summary>A modal submitted with its private_metadata and inputs (id → Slack element state).</summary>
    public static JsonObject ViewSubmission(string callbackId, string privateMetadata, string user, string team, params (string Id, JsonObject State)[] inputs) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam, ["domain"] = "ours" },
        ["user"] = new JsonObject { ["id"] = user, ["name"] = "someone", ["team_id"] = team },
        ["trigger_id"] = "12345.98765." + Guid.NewGuid().ToString("N"),
        ["view"] = new JsonObject
        {
            ["id"] = "V" + Guid.NewGuid().ToString("N")[..8], ["type"] = "modal", ["callback_id"] = callbackId, ["private_metadata"] = privateMetadata,
            ["hash"] = "156663117.cd33ad1f",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject(inputs.Select(i => KeyValuePair.Create(i.Id, (JsonNode?)new JsonObject { [i.Id] = i.State }))),
            },
        },
    };

    public static JsonObject Select(string value) => new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } };

    public static JsonObject Radio(string value) => new() { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = value } };

    public static JsonObject TextInput(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
