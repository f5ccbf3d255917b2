using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Tests.EndToEnd;

namespace EngageBot.Tests.Feedback;

/// <summary>
/// "Log as partner feedback" on Teams: the message extension's fetchTask (a JWT-authenticated invoke) answers with the
/// prefilled form as a dialog, and its submitAction stores the feedback with the partner, the message and who logged it.
/// </summary>
public sealed class TeamsFeedbackCaptureTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string TulipChannel = "19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2";
    private const string TulipTenant = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private const string LenaAad = "8b1d4e7f-2c3a-4b5d-8e9f-0a1b2c3d4e5f";
    private const string PartnerAad = "0a0b0c0d-0000-0000-0000-0000000fee01";
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_message_action_opens_a_prefilled_dialog_and_its_submission_is_stored()
    {
        var fetch = await world.PostTeamsAsync(Invoke("composeExtension/fetchTask", "f:fb-fetch-1", "29:1lena", LenaAad, EndToEndHost.OurTenant, new JsonObject
        {
            ["commandId"] = "log_feedback", ["commandContext"] = "message", ["messagePayload"] = MessagePayload("1790000000500"),
        }));

        Assert.True(fetch.IsSuccessStatusCode, fetch.StatusCode.ToString());
        var task = JsonNode.Parse(await fetch.Content.ReadAsStringAsync())!["task"]!;
        Assert.Equal("continue", (string?)task["type"]);
        var card = task["value"]!["card"]!["content"]!.AsObject();
        Assert.Contains("The partner portal times out & loses our drafts.", card.ToJsonString(Relaxed));
        var submit = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.Submit", CardVerbs.FeedbackSubmit), ((string?)submit["type"], (string?)submit["data"]!["verb"]));

        var data = submit["data"]!.DeepClone().AsObject();
        data[CardInputs.Rating] = "4";
        data[CardInputs.Category] = "product";
        data[CardInputs.Text] = "The partner portal times out and loses drafts.";
        var submitted = await world.PostTeamsAsync(Invoke("composeExtension/submitAction", "f:fb-submit-1", "29:1lena", LenaAad, EndToEndHost.OurTenant,
            new JsonObject { ["commandId"] = "log_feedback", ["commandContext"] = "message", ["data"] = data }));

        var answer = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["task"]!;
        Assert.Equal("message", (string?)answer["type"]);
        Assert.Contains("Logged as feedback from Tulip Systems", (string?)answer["value"]);
        var entry = Assert.Single(await FeedbackAsync(), e => e.SourceMessage?.MessageId == "1790000000500");
        Assert.Equal((FeedbackSource.LoggedMessage, 4, FeedbackCategory.Product), (entry.Source, entry.Rating, entry.Category));
        Assert.Equal(new ConversationRef(ChatPlatform.Teams, TulipChannel), entry.SourceMessage!.Conversation);
        Assert.Equal((ChatPlatform.Teams, PartnerAad, "Tess Tulip"), (entry.Author!.Platform, entry.Author.UserId, entry.Author.DisplayName));
        Assert.Equal("29:1lena", entry.LoggedBy!.UserId);
    }

    [Fact]
    public async Task A_partner_using_the_message_action_is_told_no_and_gets_no_form()
    {
        var fetch = await world.PostTeamsAsync(Invoke("composeExtension/fetchTask", "f:fb-fetch-2", "29:1tess", PartnerAad, TulipTenant, new JsonObject
        {
            ["commandId"] = "log_feedback", ["commandContext"] = "message", ["messagePayload"] = MessagePayload("1790000000600"),
        }));

        var task = JsonNode.Parse(await fetch.Content.ReadAsStringAsync())!["task"]!;
        Assert.Equal("message", (string?)task["type"]);
        Assert.Contains("Only people on our side", (string?)task["value"]);
        Assert.DoesNotContain(await FeedbackAsync(), e => e.SourceMessage?.MessageId == "1790000000600");
    }

    [Fact]
    public async Task An_unknown_message_extension_command_is_not_implemented()
    {
        var fetch = await world.PostTeamsAsync(Invoke("composeExtension/fetchTask", "f:fb-fetch-3", "29:1lena", LenaAad, EndToEndHost.OurTenant,
            new JsonObject { ["commandId"] = "something_else", ["messagePayload"] = MessagePayload("1790000000700") }));

        Assert.Equal(System.Net.HttpStatusCode.NotImplemented, fetch.StatusCode);
    }

    private async Task<List<FeedbackEntry>> FeedbackAsync()
    {
        var found = new List<FeedbackEntry>();
        await foreach (var e in world.Service<FeedbackStore>().ListAsync("tulip-systems", DateTimeOffset.UnixEpoch)) found.Add(e);
        return found;
    }

    private static JsonObject MessagePayload(string id) => new()
    {
        ["id"] = id,
        ["createdDateTime"] = "2026-11-02T08:55:00.000Z",
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>The partner portal times out &amp; loses our drafts.</p>" },
        ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = PartnerAad, ["displayName"] = "Tess Tulip", ["userIdentityType"] = "aadUser", ["tenantId"] = TulipTenant } },
    };

    private JsonObject Invoke(string name, string id, string fromId, string aad, string fromTenant, JsonObject value)
    {
        var invoke = world.TeamsChannelActivity("invoke", id, TulipChannel, fromId, aad, fromTenant);
        invoke["name"] = name;
        invoke["value"] = value;
        return invoke;
    }
}
