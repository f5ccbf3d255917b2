using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.Feedback;
using EngageBot.Tests.EndToEnd;

namespace EngageBot.Tests.CheckIns;

/// <summary>Answers reach the real host as signed Slack modal submissions and JWT-authenticated Teams invokes, and land as feedback.</summary>
public sealed class CheckInEndToEndTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string TulipTenant = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private const string TulipChannel = "19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2";

    private async Task<CheckIn> CheckInAsync(string partnerId, string id, ChatPlatform platform, string channel)
    {
        var checkIn = new CheckIn(id, partnerId, "2026-12-08T10:00", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            [new CheckInPost(platform, channel, CheckInPoster.PostKey(id, platform))], []);
        await world.Service<CheckInStore>().CreateAsync(checkIn);
        return checkIn;
    }

    private async Task<List<FeedbackEntry>> FeedbackAsync(string partnerId)
    {
        var entries = new List<FeedbackEntry>();
        await foreach (var e in world.Service<FeedbackStore>().ListAsync(partnerId, DateTimeOffset.MinValue)) entries.Add(e);
        return entries;
    }

    private static JsonObject SlackSubmission(string userId, string teamId, string checkInId, string partnerId) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = EndToEndHost.OurSlackTeam, ["domain"] = "ours" },
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "pat", ["name"] = "Pat", ["team_id"] = teamId },
        ["api_app_id"] = "A0ENGAGE",
        ["trigger_id"] = "12345.98765." + Guid.NewGuid().ToString("N"),
        ["view"] = new JsonObject
        {
            ["id"] = "V0CHECKIN", ["type"] = "modal", ["callback_id"] = CardVerbs.CheckInSubmit, ["hash"] = "156663117." + Guid.NewGuid().ToString("N")[..8],
            ["private_metadata"] = new JsonObject { ["checkInId"] = checkInId, ["partnerId"] = partnerId }.ToJsonString(),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["rating"] = new JsonObject { ["rating"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "4" } } },
                    ["pipeline"] = new JsonObject { ["pipeline"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Two deals closing in Q1" } },
                },
            },
        },
    };

    [Fact]
    public async Task A_signed_Slack_modal_submission_from_the_partner_is_stored_once_as_feedback()
    {
        var checkIn = await CheckInAsync("northwind", "ci-northwind-e2e-slack", ChatPlatform.Slack, "C07NWSHARED");

        var first = await world.PostSlackInteractionAsync(SlackSubmission("U05NWPAT", "T05NORTHWD", checkIn.Id, "northwind"));
        var again = await world.PostSlackInteractionAsync(SlackSubmission("U05NWPAT", "T05NORTHWD", checkIn.Id, "northwind"));

        Assert.True(first.IsSuccessStatusCode && again.IsSuccessStatusCode);
        var entry = Assert.Single(await FeedbackAsync("northwind"), e => e.SourceId == checkIn.Id);
        Assert.Equal((4, "U05NWPAT"), (entry.Rating, entry.Author!.UserId));
        Assert.Contains("Pipeline: Two deals closing in Q1", entry.Text);
    }

    [Fact]
    public async Task A_Slack_submission_from_our_own_team_gets_the_explanation_on_the_form()
    {
        var checkIn = await CheckInAsync("northwind", "ci-northwind-e2e-internal", ChatPlatform.Slack, "C07NWSHARED");

        var response = await world.PostSlackInteractionAsync(SlackSubmission("U0OURS01", EndToEndHost.OurSlackTeam, checkIn.Id, "northwind"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"response_action\":\"errors\"", body);
        Assert.Contains("Only people from Northwind Cloud Partners can answer this check-in", body);
        Assert.DoesNotContain(await FeedbackAsync("northwind"), e => e.SourceId == checkIn.Id);
    }

    [Fact]
    public async Task A_Slack_user_of_our_own_team_pressing_the_card_button_gets_the_explanation_and_no_form()
    {
        world.Slack.AddUser("U0OURS02", EndToEndHost.OurSlackTeam, name: "lena"); // users.info confirms a member of our workspace
        var checkIn = await CheckInAsync("northwind", "ci-northwind-e2e-button", ChatPlatform.Slack, "C07NWSHARED");
        var trigger = "12345.98765." + Guid.NewGuid().ToString("N");
        var button = new SlackFormButton(CardVerbs.CheckInSubmit, new JsonObject { ["checkInId"] = checkIn.Id, ["partnerId"] = "northwind" });

        var response = await world.PostSlackInteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = EndToEndHost.OurSlackTeam, ["domain"] = "ours" },
            ["user"] = new JsonObject { ["id"] = "U0OURS02", ["username"] = "lena", ["name"] = "Lena", ["team_id"] = EndToEndHost.OurSlackTeam },
            ["api_app_id"] = "A0ENGAGE",
            ["trigger_id"] = trigger,
            ["channel"] = new JsonObject { ["id"] = "C07NWSHARED" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1793610001.000300", ["channel_id"] = "C07NWSHARED" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = CardVerbs.OpenForm, ["block_id"] = "b1", ["value"] = button.ToValue(), ["action_ts"] = "1793610002.000300",
            }),
        });

        Assert.True(response.IsSuccessStatusCode, response.StatusCode + " " + await response.Content.ReadAsStringAsync());
        await EndToEndWorld.EventuallyAsync(() => Task.FromResult(world.Slack.CallsTo("chat.postEphemeral")
            .Any(c => c.Field("user") == "U0OURS02" && c.Field("text")?.Contains("Only people from Northwind Cloud Partners can answer this check-in", StringComparison.Ordinal) == true)),
            "the private explanation to the internal user");
        Assert.DoesNotContain(world.Slack.CallsTo("views.open"), c => c.Field("trigger_id") == trigger);
    }

    private JsonObject TeamsInvoke(string checkInId, string fromId, string aad, string tenant) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["replyToId"] = "1790000000100",
        ["timestamp"] = "2026-12-08T10:05:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = world.Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = fromId, ["aadObjectId"] = aad, ["name"] = "Joost", ["tenantId"] = tenant },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = EndToEndHost.OurTenant, ["id"] = $"{TulipChannel};messageid=1790000000100" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + EndToEndHost.AppId, ["name"] = "EngageBot" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = EndToEndHost.OurTenant },
            ["channel"] = new JsonObject { ["id"] = TulipChannel },
        },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["verb"] = CardVerbs.CheckInSubmit,
                ["data"] = new JsonObject { ["checkInId"] = checkInId, ["partnerId"] = "tulip-systems", ["rating"] = "5", ["comment"] = "More webinars" },
            },
            ["trigger"] = "manual",
        },
    };

    [Fact]
    public async Task A_JWT_authenticated_Teams_invoke_from_the_partner_tenant_stores_feedback_and_returns_the_answered_card()
    {
        var checkIn = await CheckInAsync("tulip-systems", "ci-tulip-e2e-teams", ChatPlatform.Teams, TulipChannel);

        var response = await world.PostTeamsAsync(TeamsInvoke(checkIn.Id, "29:1joost", "0a0b0c0d-0000-0000-0000-0000000e2e01", TulipTenant));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Contains("Answered by Joost", await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(await FeedbackAsync("tulip-systems"), e => e.SourceId == checkIn.Id);
        Assert.Equal(5, entry.Rating);
    }

    [Fact]
    public async Task A_Teams_invoke_from_our_own_tenant_gets_a_private_explanation()
    {
        var checkIn = await CheckInAsync("tulip-systems", "ci-tulip-e2e-internal", ChatPlatform.Teams, TulipChannel);

        var response = await world.PostTeamsAsync(TeamsInvoke(checkIn.Id, "29:1lena", "8b1d4e7f-2c3a-4b5d-8e9f-0a1b2c3d4e5f", EndToEndHost.OurTenant));

        Assert.Contains("Only people from Tulip Systems B.V. can answer this check-in", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await FeedbackAsync("tulip-systems"), e => e.SourceId == checkIn.Id);
    }

    [Fact]
    public async Task A_Teams_answer_to_a_check_in_that_no_longer_exists_gets_a_clear_reply()
    {
        var response = await world.PostTeamsAsync(TeamsInvoke("ci-tulip-gone", "29:1joost", "0a0b0c0d-0000-0000-0000-0000000e2e01", TulipTenant));
        Assert.Contains("This check-in no longer exists", await response.Content.ReadAsStringAsync());
    }
}
