using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Tests.Slack;

namespace EngageBot.Tests.Feedback;

/// <summary>"Log as partner feedback" on Slack: a signed message shortcut opens the prefilled form, its submission is stored.</summary>
public sealed class SlackFeedbackCaptureTests : IAsyncLifetime
{
    private const string MessageTs = "1793610300.000100";
    private SlackFeedbackWorld _world = null!;

    public async Task InitializeAsync() => _world = await SlackFeedbackWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Logging_a_partner_message_opens_a_prefilled_form_and_stores_it_with_the_partner_source_and_logger()
    {
        var shortcut = await _world.InteractAsync(SlackFeedbackWorld.MessageShortcut(SlackFeedbackWorld.Owner, SlackHost.OurTeam, MessageTs,
            "Your onboarding labs expire before we finish them."));

        Assert.True(shortcut.IsSuccessStatusCode);
        var view = Assert.Single(_world.Slack.CallsTo("views.open")).Json["view"]!.AsObject();
        Assert.Equal(CardVerbs.FeedbackSubmit, (string?)view["callback_id"]);
        Assert.Contains("Your onboarding labs expire before we finish them.", view["blocks"]!.ToJsonString());
        Assert.Contains("Acme Corp", view["blocks"]!.ToJsonString());

        var submission = SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackSubmit, (string)view["private_metadata"]!, SlackFeedbackWorld.Owner, SlackHost.OurTeam,
            (CardInputs.Rating, SlackFeedbackWorld.Select("2")), (CardInputs.Category, SlackFeedbackWorld.Select("enablement")),
            (CardInputs.Text, SlackFeedbackWorld.TextInput("Labs expire before partners finish them.")));
        var submitted = await _world.InteractAsync(submission);
        // The same form submitted again (a second modal on the same message, not a retry of this one).
        var again = await _world.InteractAsync(SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackSubmit, (string)view["private_metadata"]!,
            SlackFeedbackWorld.Owner, SlackHost.OurTeam, (CardInputs.Category, SlackFeedbackWorld.Select("product")), (CardInputs.Text, SlackFeedbackWorld.TextInput("Again"))));

        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Logged as feedback from Acme Corp", StringComparison.Ordinal), body);
        Assert.Contains("already logged", await again.Content.ReadAsStringAsync());
        var entry = Assert.Single(await _world.FeedbackAsync());
        Assert.Equal((FeedbackSource.LoggedMessage, 2, FeedbackCategory.Enablement, "Labs expire before partners finish them."),
            (entry.Source, entry.Rating, entry.Category, entry.Text));
        Assert.Equal(new MessageRef(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), MessageTs), entry.SourceMessage);
        Assert.Equal(new FeedbackPerson(ChatPlatform.Slack, SlackFeedbackWorld.Partner, "Pat Partner"), entry.Author);
        Assert.Equal((ChatPlatform.Slack, SlackFeedbackWorld.Owner), (entry.LoggedBy!.Platform, entry.LoggedBy.UserId));
        Assert.Equal(_world.Host.Time.GetUtcNow().UtcDateTime.Date, entry.CreatedAt.UtcDateTime.Date);

        // A rating of 2 is low: the owner hears of it once, by DM.
        await _world.EventuallyAsync(() => _world.Slack.CallsTo("chat.postMessage").Any(c => c.Field("channel") == "D" + SlackFeedbackWorld.Owner));
        var dm = Assert.Single(_world.Slack.CallsTo("chat.postMessage"), c => c.Field("channel") == "D" + SlackFeedbackWorld.Owner);
        Assert.Contains("Low rating from Acme Corp", dm.Field("text"));
    }

    [Fact]
    public async Task A_partner_cannot_log_feedback_and_never_sees_the_form()
    {
        var response = await _world.InteractAsync(SlackFeedbackWorld.MessageShortcut(SlackFeedbackWorld.Partner, SlackPayloads.PartnerTeam, MessageTs, "Great stuff"));

        Assert.True(response.IsSuccessStatusCode);
        await _world.EventuallyAsync(() => _world.Slack.CallsTo("chat.postEphemeral").Any());
        var reply = Assert.Single(_world.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(SlackFeedbackWorld.Partner, reply.Field("user"));
        Assert.Contains("Only people on our side", reply.Field("text"));
        Assert.Empty(_world.Slack.CallsTo("views.open"));

        // A forged submission is refused too.
        var forged = SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackSubmit, "{\"partnerId\":\"acme\",\"sourceId\":\"x\"}", SlackFeedbackWorld.Partner,
            SlackPayloads.PartnerTeam, (CardInputs.Category, SlackFeedbackWorld.Select("product")), (CardInputs.Text, SlackFeedbackWorld.TextInput("hi")));
        Assert.Contains("Only people on our side", await (await _world.InteractAsync(forged)).Content.ReadAsStringAsync());
        Assert.Empty(await _world.FeedbackAsync());
    }

    [Fact]
    public async Task The_feedback_command_sends_the_form_privately_prefilled_with_its_text()
    {
        await _world.Host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand("feedback Pricing tiers confuse our sellers"), "application/x-www-form-urlencoded");

        await _world.EventuallyAsync(() => _world.Slack.CallsTo("chat.postEphemeral").Any());
        var form = Assert.Single(_world.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal((SlackPayloads.Channel, SlackPayloads.InternalUser), (form.Field("channel"), form.Field("user")));
        var button = form.Json["blocks"]!.AsArray().OfType<JsonObject>().SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>())
            .Single(e => (string?)e["action_id"] == CardVerbs.OpenForm);

        await _world.InteractAsync(JsonNode.Parse(SlackPayloads.BlockActions(CardVerbs.OpenForm, (string)button["value"]!, "1793610301.000100",
            SlackPayloads.InternalUser, SlackHost.OurTeam))!.AsObject());
        var view = Assert.Single(_world.Slack.CallsTo("views.open")).Json["view"]!.AsObject();
        Assert.Contains("Pricing tiers confuse our sellers", view["blocks"]!.ToJsonString());

        await _world.InteractAsync(SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackSubmit, (string)view["private_metadata"]!, SlackPayloads.InternalUser,
            SlackHost.OurTeam, (CardInputs.Category, SlackFeedbackWorld.Select("commercial")), (CardInputs.Text, SlackFeedbackWorld.TextInput("Pricing tiers confuse our sellers"))));
        var entry = Assert.Single(await _world.FeedbackAsync());
        Assert.Equal((FeedbackCategory.Commercial, (int?)null, (FeedbackPerson?)null), (entry.Category, entry.Rating, entry.Author));
        Assert.Null(entry.SourceMessage);
    }
}
