using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.Feedback;

namespace EngageBot.Tests.CheckIns;

public sealed class CheckInAnswerHandlerTests : IDisposable
{
    private const string CheckInId = "ci-acme-20261208T1000";
    private readonly CheckInWorld _world = new(new CheckInsOptions());

    private async Task PostAsync()
    {
        await _world.SweepAtAsync(new DateTime(2026, 12, 7, 10, 0, 0));
        await _world.SweepAtAsync(new DateTime(2026, 12, 8, 10, 0, 0));
    }

    private async Task<List<FeedbackEntry>> FeedbackAsync()
    {
        var entries = new List<FeedbackEntry>();
        await foreach (var e in _world.Feedback.ListAsync("acme", DateTimeOffset.MinValue)) entries.Add(e);
        return entries;
    }

    [Fact]
    public async Task A_partner_answer_is_stored_as_feedback_linked_to_the_check_in_and_the_card_shows_who_answered()
    {
        await PostAsync();

        var result = await _world.AnswerAsync(CheckInId, CheckInWorld.TeamsPartner(), ChatPlatform.Teams, rating: "4", comment: "Faster quotes");

        var entry = Assert.Single(await FeedbackAsync());
        Assert.Equal((FeedbackSource.CheckInAnswer, CheckInId, 4, "Pat Teams"), (entry.Source, entry.SourceId, entry.Rating, entry.Author!.Name));
        Assert.Contains("Blocking: Waiting on sandbox access", entry.Text);
        Assert.Contains("We should do better at: Faster quotes", entry.Text);
        var card = result.UpdatedCard!.ToJsonString();
        Assert.Contains("Answered by Pat Teams", card);
        Assert.DoesNotContain("Input.", card);
        Assert.Equal("Pat Teams", Assert.Single((await _world.CheckIns.GetAsync("acme", CheckInId))!.Answers).Name);
    }

    [Fact]
    public async Task A_form_submitted_twice_stores_one_answer()
    {
        await PostAsync();

        await _world.AnswerAsync(CheckInId, CheckInWorld.SlackPartner(), ChatPlatform.Slack);
        var second = await _world.AnswerAsync(CheckInId, CheckInWorld.SlackPartner(), ChatPlatform.Slack);

        Assert.Single(await FeedbackAsync());
        Assert.Single((await _world.CheckIns.GetAsync("acme", CheckInId))!.Answers);
        Assert.Equal("Your answer was already recorded. Thank you!", second.Message);
    }

    [Fact]
    public async Task An_internal_user_gets_a_private_explanation_and_nothing_is_stored()
    {
        await PostAsync();

        var onTeams = await _world.AnswerAsync(CheckInId, new ChatUser("29:olivia", "Olivia", AuthorKind.Internal), ChatPlatform.Teams);
        var inSlackModal = await _world.AnswerAsync(CheckInId, CheckInWorld.SlackInternal(), ChatPlatform.Slack);

        Assert.StartsWith("Only people from Acme Resellers can answer this check-in", onTeams.Message);
        Assert.Null(onTeams.UpdatedCard);
        Assert.StartsWith("Only people from Acme Resellers", inSlackModal.Errors!["rating"]); // a Slack modal shows only field errors
        Assert.Empty(await FeedbackAsync());
    }

    [Fact]
    public async Task A_user_from_another_partners_organisation_cannot_answer()
    {
        await PostAsync();
        var stranger = new ChatUser("U-X", "Xena", AuthorKind.Partner, HomeTeamId: "T-BETA");
        var result = await _world.AnswerAsync(CheckInId, stranger, ChatPlatform.Slack);
        Assert.Empty(await FeedbackAsync());
        Assert.StartsWith("Only people from Acme Resellers", result.Message);
    }

    [Fact]
    public async Task An_answer_to_a_check_in_that_no_longer_exists_gets_a_clear_reply()
    {
        var result = await _world.AnswerAsync("ci-acme-20200101T1000", CheckInWorld.TeamsPartner(), ChatPlatform.Teams);

        Assert.StartsWith("This check-in no longer exists", result.Message);
        Assert.Empty(await FeedbackAsync());
    }

    [Fact]
    public async Task A_low_health_score_raises_a_partner_churn_risk_for_the_owner()
    {
        await PostAsync();

        await _world.AnswerAsync(CheckInId, CheckInWorld.SlackPartner(), ChatPlatform.Slack, rating: "1", comment: "We are evaluating other vendors");

        var dm = Assert.Single(_world.Outbox.DirectMessages);
        Assert.Equal("U-OLIVIA", dm.Target.UserId);
        Assert.Contains("high churn risk", dm.Message.Text);
    }

    [Fact]
    public async Task A_missing_health_score_is_a_field_error()
    {
        await PostAsync();
        var result = await _world.AnswerAsync(CheckInId, CheckInWorld.SlackPartner(), ChatPlatform.Slack, rating: "");
        Assert.Contains("rating", result.Errors!.Keys);
        Assert.Empty(await FeedbackAsync());
    }

    public void Dispose() => _world.Dispose();
}
