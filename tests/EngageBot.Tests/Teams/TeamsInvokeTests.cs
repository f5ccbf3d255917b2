using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Channels;

namespace EngageBot.Tests.Teams;

/// <summary>Action.Execute invokes are routed synchronously and answered with the AdaptiveCardInvokeResponse body Teams expects.</summary>
public sealed class TeamsInvokeTests(TeamsEnvironment env) : IClassFixture<TeamsEnvironment>
{
    [Fact]
    public async Task Updated_card_comes_back_as_an_adaptive_card_invoke_response()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Approved" }) };
        env.Host.Router.Result = CardActionResult.Updated(card);
        env.Host.Directory.AddTeamsPerson("6f2c5e1a-0000-0000-0000-000000000001", "Jane");

        var body = await InvokeAsync("approve", new JsonObject { ["ticketId"] = "T-1", ["comment"] = "ok" });

        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("Approved", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        var action = env.Host.Router.Routed[^1];
        Assert.Equal("approve", action.Verb);
        Assert.Equal("T-1", action.Data["ticketId"]!.GetValue<string>());
        Assert.Equal(new MessageRef(new ConversationRef(ChatPlatform.Teams, TeamsActivities.ChannelId, "root-1"), "activity-card-1"), action.SourceMessage);
        Assert.Equal(AuthorKind.Internal, action.Actor!.Kind);
    }

    [Fact]
    public async Task Message_result_comes_back_as_an_activity_message()
    {
        env.Host.Router.Result = CardActionResult.Text("Saved");

        var body = await InvokeAsync("save", []);

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Saved", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validation_errors_come_back_as_a_400_error_body()
    {
        env.Host.Router.Result = CardActionResult.Invalid(new Dictionary<string, string> { ["dueDate"] = "must be in the future" });

        var body = await InvokeAsync("schedule", []);

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Contains("dueDate: must be in the future", body["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_submit_message_is_routed_as_a_card_action_not_stored_as_a_message()
    {
        var submit = TeamsActivities.ChannelMention(env.ServiceUrl, id: "submit-1");
        submit["text"] = null;
        submit["value"] = new JsonObject { ["verb"] = "feedback", ["score"] = "5" };

        Assert.Equal(HttpStatusCode.OK, (await env.PostAsync(submit)).StatusCode);

        Assert.Contains(env.Host.Router.Routed, a => a.Verb == "feedback" && a.Data["score"]!.GetValue<string>() == "5");
        Assert.DoesNotContain(env.Host.Inbox.Accepted, e => e.DedupKey.Contains("submit-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Action_submit_with_a_replacement_card_updates_the_card_message_through_the_outbox()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["fallbackText"] = "Thanks for the feedback" };
        env.Host.Router.Result = CardActionResult.Updated(card);
        var submit = TeamsActivities.ChannelMention(env.ServiceUrl, id: "submit-2", rootId: "root-9");
        submit["text"] = null;
        submit["replyToId"] = "card-9";
        submit["value"] = new JsonObject { ["verb"] = "feedback", ["score"] = "4" };

        Assert.Equal(HttpStatusCode.OK, (await env.PostAsync(submit)).StatusCode);

        var (_, target, message) = Assert.Single(env.Host.Outbox.Enqueued, e => e.Key.Contains("submit-2", StringComparison.Ordinal));
        Assert.Equal(DeliveryTarget.Update(new MessageRef(new ConversationRef(ChatPlatform.Teams, TeamsActivities.ChannelId, "root-9"), "card-9")), target);
        Assert.Equal("Thanks for the feedback", message.Text);
    }

    private async Task<JsonNode> InvokeAsync(string verb, JsonObject data)
    {
        var response = await env.PostAsync(TeamsActivities.CardExecute(env.ServiceUrl, verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
