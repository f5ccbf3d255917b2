using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Tests.Slack;

namespace EngageBot.Tests.Feedback;

/// <summary>
/// Rating a resolved ticket's answer on Slack, through signed requests and the test's clock: the asker is invited in the
/// thread at most once per cooldown, only they can rate, and the rating is stored as feedback linked to the ticket.
/// </summary>
public sealed class SlackTicketRatingTests : IAsyncLifetime
{
    private SlackFeedbackWorld _world = null!;

    public async Task InitializeAsync() => _world = await SlackFeedbackWorld.StartAsync(new Dictionary<string, string>
    {
        ["EngageBot:Feedback:RatingSampleRate"] = "1",
        ["EngageBot:Feedback:RatingCooldown"] = "14.00:00:00",
    });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_asker_is_invited_to_rate_once_per_cooldown_and_their_rating_is_stored_with_the_ticket()
    {
        var first = await ResolveNewTicketAsync("1793610000.000100", "Ev1");
        var invitation = await InvitationAsync("1793610000.000100");
        Assert.Contains(first.Id, invitation.Field("text"));

        // A colleague (or anyone but the asker) is told privately that only the asker can rate.
        var byOwner = await _world.InteractAsync(Rating(first.Id, SlackFeedbackWorld.Owner, SlackHost.OurTeam, "5"));
        Assert.Contains("errors", await byOwner.Content.ReadAsStringAsync());
        Assert.Empty(await _world.FeedbackAsync());

        var rated = await _world.InteractAsync(Rating(first.Id, SlackFeedbackWorld.Partner, SlackPayloads.PartnerTeam, "4", "Quick and clear"));
        await _world.InteractAsync(Rating(first.Id, SlackFeedbackWorld.Partner, SlackPayloads.PartnerTeam, "1"));
        Assert.Contains("you rated the answer 4/5", await rated.Content.ReadAsStringAsync());
        var entry = Assert.Single(await _world.FeedbackAsync());
        Assert.Equal((FeedbackSource.TicketRating, first.Id, 4, "Quick and clear", SlackFeedbackWorld.Partner),
            (entry.Source, entry.SourceId, entry.Rating, entry.Text, entry.Author!.UserId));
        Assert.Equal(new MessageRef(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), "1793610000.000100"), entry.SourceMessage);

        // Three days later, within the cooldown: the next resolved ticket does not invite.
        _world.Host.Time.Advance(TimeSpan.FromDays(3));
        await ResolveNewTicketAsync("1793900000.000100", "Ev3");
        // Fifteen days after the first invitation: invited again.
        _world.Host.Time.Advance(TimeSpan.FromDays(12));
        var third = await ResolveNewTicketAsync("1794900000.000100", "Ev5");
        await InvitationAsync("1794900000.000100");
        Assert.DoesNotContain(_world.Slack.CallsTo("chat.postMessage"), c => c.Field("thread_ts") == "1793900000.000100" && c.Body.Contains("How did we do", StringComparison.Ordinal));
        Assert.Equal(2, _world.Slack.CallsTo("chat.postMessage").Count(c => c.Body.Contains("How did we do", StringComparison.Ordinal)));
        Assert.NotEqual(first.Id, third.Id);
    }

    [Fact]
    public async Task A_low_rating_reaches_the_partners_owner_and_a_rating_for_a_missing_ticket_is_explained()
    {
        var ticket = await ResolveNewTicketAsync("1793610000.000100", "Ev1");
        await InvitationAsync("1793610000.000100");

        await _world.InteractAsync(Rating(ticket.Id, SlackFeedbackWorld.Partner, SlackPayloads.PartnerTeam, "1", "Nobody answered my real question"));

        await _world.EventuallyAsync(() => _world.Slack.CallsTo("chat.postMessage").Any(c => c.Field("channel") == "D" + SlackFeedbackWorld.Owner));
        var dm = Assert.Single(_world.Slack.CallsTo("chat.postMessage"), c => c.Field("channel") == "D" + SlackFeedbackWorld.Owner);
        Assert.Contains($"rated the answer to {ticket.Id} 1/5", dm.Field("text"));
        var missing = await _world.InteractAsync(Rating("T-404", SlackFeedbackWorld.Partner, SlackPayloads.PartnerTeam, "3"));
        Assert.Contains("no longer exists", await missing.Content.ReadAsStringAsync());
        var forged = await _world.InteractAsync(SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackRate, "{\"ticketId\":42}", SlackFeedbackWorld.Partner,
            SlackPayloads.PartnerTeam, (CardInputs.Rating, SlackFeedbackWorld.Radio("3"))));
        Assert.Contains("no longer exists", await forged.Content.ReadAsStringAsync());
    }

    private async Task<Ticket> ResolveNewTicketAsync(string rootTs, string eventId)
    {
        await _world.Host.PostEventAsync(SlackPayloads.Message(rootTs, "How do I rotate the API key?"), eventId);
        var tickets = _world.Host.Services.GetRequiredService<TicketService>();
        Ticket? ticket = null;
        await _world.EventuallyAsync(() => (ticket = tickets.FindByMessageAsync(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), rootTs, default).Result) is not null);
        await _world.Host.PostEventAsync(SlackPayloads.Reaction(true, TicketReactions.Resolve, rootTs, SlackFeedbackWorld.Owner), eventId + "r");
        await _world.EventuallyAsync(() => tickets.Store.GetAsync(ticket!.Id, default).Result?.Status == TicketStatus.Resolved);
        return ticket!;
    }

    private async Task<TestSupport.FakeSlack.RecordedSlackCall> InvitationAsync(string rootTs)
    {
        bool Match(TestSupport.FakeSlack.RecordedSlackCall c) => c.Field("thread_ts") == rootTs && c.Body.Contains("How did we do", StringComparison.Ordinal);
        await _world.EventuallyAsync(() => _world.Slack.CallsTo("chat.postMessage").Any(Match));
        return Assert.Single(_world.Slack.CallsTo("chat.postMessage"), Match);
    }

    private static System.Text.Json.Nodes.JsonObject Rating(string ticketId, string user, string team, string rating, string comment = "") =>
        SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackRate, $"{{\"ticketId\":\"{ticketId}\"}}", user, team,
            (CardInputs.Rating, SlackFeedbackWorld.Radio(rating)), (CardInputs.Comment, SlackFeedbackWorld.TextInput(comment)));
}
