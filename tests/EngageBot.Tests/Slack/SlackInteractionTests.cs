using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

public sealed class SlackInteractionTests : IClassFixture<SlackHost>
{
    private const string CardTs = "1793610000.000777";
    private readonly SlackHost _host;

    public SlackInteractionTests(SlackHost host)
    {
        _host = host;
        _host.Reset();
    }

    [Fact]
    public async Task A_button_press_is_routed_synchronously_with_its_data_and_source_message()
    {
        var response = await _host.PostInteractionAsync(SlackPayloads.BlockActions("ticket.acknowledge", """{"ticketId":"T-1"}""", CardTs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(_host.Router.Routed);
        Assert.Equal("ticket.acknowledge", action.Verb);
        Assert.Equal("T-1", (string?)action.Data["ticketId"]);
        Assert.Equal(new MessageRef(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), CardTs), action.SourceMessage);
        Assert.Equal(AuthorKind.Partner, action.Actor!.Kind);
        Assert.NotNull(action.TriggerId);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task An_updated_card_replaces_the_message_in_place_through_the_outbox()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Acknowledged" }) };
        _host.Router.Result = CardActionResult.Updated(card);

        await _host.PostInteractionAsync(SlackPayloads.BlockActions("ticket.acknowledge", "T-1", CardTs));

        var (_, target, message) = Assert.Single(_host.Outbox.Enqueued);
        Assert.Equal(DeliveryKind.Update, target.Kind);
        Assert.Equal(CardTs, target.MessageId);
        Assert.Equal(SlackPayloads.Channel, target.Conversation!.ChannelId);
        Assert.Same(card, message.Card);
    }

    [Fact]
    public async Task A_text_result_is_shown_to_the_presser_only()
    {
        _host.Router.Result = CardActionResult.Text("Thanks, noted");
        await _host.PostInteractionAsync(SlackPayloads.BlockActions("feedback.ack", "x", CardTs));

        var (_, target, message) = Assert.Single(_host.Outbox.Enqueued);
        Assert.Equal(DeliveryKind.Ephemeral, target.Kind);
        Assert.Equal(SlackPayloads.PartnerUser, target.UserId);
        Assert.Equal("Thanks, noted", message.Text);
    }

    [Fact]
    public async Task The_renderers_open_form_button_opens_the_cards_inputs_filled_by_its_form_source_as_a_modal_named_by_the_verb()
    {
        _host.Forms.Data = new JsonObject
        {
            ["programName"] = "the Acme reseller council",
            ["partner"] = new JsonObject { ["id"] = "acme", ["name"] = "Acme Corp" },
            ["categories"] = new JsonArray(new JsonObject { ["title"] = "Onboarding", ["value"] = "onboarding" }),
        };
        var before = _host.Slack.CallsTo("views.open").Count;
        var button = new SlackFormButton(CardVerbs.FeedbackSubmit, new JsonObject { ["partnerId"] = "acme" });

        await _host.PostInteractionAsync(SlackPayloads.BlockActions(CardVerbs.OpenForm, button.ToValue(), CardTs));

        var call = _host.Slack.CallsTo("views.open").Skip(before).Single();
        Assert.Equal("Bearer xoxb-test-token", call.Authorization);
        Assert.StartsWith("12466734323.1395872398.", call.Field("trigger_id"));
        var view = call.Json["view"]!;
        Assert.Equal("modal", (string?)view["type"]);
        Assert.Equal(CardVerbs.FeedbackSubmit, (string?)view["callback_id"]);
        var metadata = JsonNode.Parse((string)view["private_metadata"]!)!;
        Assert.Equal("acme", (string?)metadata["data"]!["partnerId"]);
        Assert.Equal((SlackPayloads.Channel, CardTs), ((string?)metadata["source"]!["channel"], (string?)metadata["source"]!["ts"]));
        Assert.Contains(view["blocks"]!.AsArray(), b => (string?)b!["type"] == "input" && (string?)b["element"]!["action_id"] == "text");
        Assert.Contains("Onboarding", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((CardVerbs.FeedbackSubmit, "acme"), (_host.Forms.Asked.Single().Verb, (string?)_host.Forms.Asked.Single().ActionData["partnerId"]));
        Assert.Empty(_host.Router.Routed);
        Assert.Empty(_host.Outbox.Enqueued);
    }

    [Fact]
    public async Task A_form_its_source_refuses_does_not_open_and_the_user_is_told_why()
    {
        var before = _host.Slack.CallsTo("views.open").Count;
        var button = new SlackFormButton(CardVerbs.FeedbackSubmit, new JsonObject { ["partnerId"] = "gone" });

        await _host.PostInteractionAsync(SlackPayloads.BlockActions(CardVerbs.OpenForm, button.ToValue(), CardTs));

        Assert.Equal(before, _host.Slack.CallsTo("views.open").Count);
        var told = Assert.Single(_host.Outbox.Enqueued);
        Assert.Equal((DeliveryKind.Ephemeral, SlackPayloads.PartnerUser), (told.Target.Kind, told.Target.UserId));
        Assert.Contains("can't be opened", told.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_form_replaces_the_card_that_opened_it_and_confirms_to_the_user()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Thanks, feedback saved" }) };
        _host.Router.Result = new CardActionResult(card, "Your feedback is saved.");
        var metadata = new JsonObject
        {
            ["data"] = new JsonObject { ["partnerId"] = "acme" },
            ["source"] = new JsonObject { ["channel"] = SlackPayloads.Channel, ["ts"] = CardTs },
        }.ToJsonString();

        var response = await _host.PostInteractionAsync(SlackPayloads.ViewSubmission(CardVerbs.FeedbackSubmit, metadata, "comment", "comment", "Great onboarding"));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var action = Assert.Single(_host.Router.Routed);
        Assert.Equal(("acme", "Great onboarding"), ((string?)action.Data["partnerId"], (string?)action.Data["comment"]));
        Assert.Equal(new MessageRef(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), CardTs), action.SourceMessage);
        var update = Assert.Single(_host.Outbox.Enqueued, s => s.Target.Kind == DeliveryKind.Update);
        Assert.Equal((CardTs, card.ToJsonString()), (update.Target.MessageId, update.Message.Card!.ToJsonString()));
        var confirmation = Assert.Single(_host.Outbox.Enqueued, s => s.Target.Kind == DeliveryKind.Ephemeral);
        Assert.Equal((SlackPayloads.Channel, "Your feedback is saved."), (confirmation.Target.Conversation!.ChannelId, confirmation.Message.Text));
    }

    [Fact]
    public async Task A_form_submission_is_routed_with_metadata_and_inputs_merged()
    {
        _host.Router.Result = new CardActionResult();
        var response = await _host.PostInteractionAsync(SlackPayloads.ViewSubmission("feedback.save", """{"partnerId":"acme"}""", "comment_block", "comment", "Great onboarding"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var action = Assert.Single(_host.Router.Routed);
        Assert.Equal("feedback.save", action.Verb);
        Assert.Equal("acme", (string?)action.Data["partnerId"]);
        Assert.Equal("Great onboarding", (string?)action.Data["comment"]);
    }

    [Fact]
    public async Task Form_validation_errors_go_back_keyed_by_block()
    {
        _host.Router.Result = CardActionResult.Invalid(new Dictionary<string, string> { ["comment"] = "Say a little more" });

        var response = await _host.PostInteractionAsync(SlackPayloads.ViewSubmission("feedback.save", "{}", "comment_block", "comment", "ok"));

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)json["response_action"]);
        Assert.Equal("Say a little more", (string?)json["errors"]!["comment_block"]);
    }

    [Fact]
    public async Task A_message_shortcut_becomes_MessageActionInvoked_in_the_inbox()
    {
        await _host.PostInteractionAsync(SlackPayloads.MessageShortcut("open_ticket", CardTs, "Can't log in to the portal"));

        var action = Assert.IsType<MessageActionInvoked>(Assert.Single(_host.Inbox.Accepted));
        Assert.Equal("open_ticket", action.CallbackId);
        Assert.Equal(CardTs, action.TargetMessageId);
        Assert.Equal("Can't log in to the portal", action.TargetText);
        Assert.Equal(AuthorKind.Internal, action.Actor!.Kind);
        Assert.NotNull(action.TriggerId);
        // The answer will use the shortcut's response_url: the bot may not be in the channel.
        var responseUrls = _host.Services.GetRequiredService<EngageBot.Channels.Slack.SlackResponseUrls>();
        Assert.Equal(new Uri("https://hooks.slack.com/app-actions/T0/1/abc"), await responseUrls.TakeAsync(SlackPayloads.Channel, action.Actor.Id, default));
    }

    [Fact]
    public async Task A_global_shortcut_becomes_the_matching_command_in_the_users_dm()
    {
        var response = await _host.PostInteractionAsync(SlackPayloads.GlobalShortcut("my_tickets"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Inbox.Accepted));
        Assert.Equal((BotCommands.Tickets, ""), (command.Command, command.Arguments));
        Assert.Equal(new ConversationRef(ChatPlatform.Slack, "D" + SlackPayloads.InternalUser), command.Conversation);
        Assert.True(command.IsDirect);
        Assert.Equal("944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638", command.TriggerId);
        Assert.Equal("slack:global-shortcut:" + command.TriggerId, command.DedupKey);
        Assert.Equal(AuthorKind.Internal, command.Actor!.Kind);
        Assert.Contains(SlackPayloads.InternalUser, _host.Slack.CallsTo("conversations.open").Select(c => c.Field("users")));
    }

    [Fact]
    public async Task A_global_shortcut_with_no_command_word_reaches_features_under_its_callback_id()
    {
        await _host.PostInteractionAsync(SlackPayloads.GlobalShortcut("start_checkin", user: "U0OTHER01"));

        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Inbox.Accepted));
        Assert.Equal("start_checkin", command.Command);
    }

    [Fact]
    public async Task A_global_shortcut_whose_dm_cannot_be_opened_is_acked_and_dropped()
    {
        _host.Slack.FailNext("conversations.open", "user_not_found");

        var response = await _host.PostInteractionAsync(SlackPayloads.GlobalShortcut("my_tickets", user: "U0GONE001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task A_slash_command_becomes_CommandInvoked_in_the_inbox()
    {
        // A command's team_id is where it was typed, not the user's home, so users.info decides.
        _host.Slack.AddUser(SlackPayloads.InternalUser, SlackHost.OurTeam);
        var response = await _host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand("link acme "), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Inbox.Accepted));
        Assert.Equal("/engagebot", command.Command);
        Assert.Equal("link acme", command.Arguments);
        Assert.Equal(SlackPayloads.Channel, command.Conversation.ChannelId);
        Assert.False(command.IsDirect);
        Assert.Equal(AuthorKind.Internal, command.Actor!.Kind);
    }

    [Fact]
    public async Task A_slash_command_typed_in_a_dm_says_so()
    {
        _host.Slack.AddUser(SlackPayloads.InternalUser, SlackHost.OurTeam);
        var response = await _host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand("link", channel: "D0SAMDM01", channelName: "directmessage"),
            "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.IsType<CommandInvoked>(Assert.Single(_host.Inbox.Accepted)).IsDirect);
    }

    [Fact]
    public async Task A_command_without_its_required_fields_is_a_clear_bad_request()
    {
        var response = await _host.PostSignedAsync("/api/slack/commands", "command=%2Fengagebot&text=hi", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("user_id", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Inbox.Accepted);
    }
}
