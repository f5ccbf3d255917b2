using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Cards.Actions;
using EngageBot.Channels;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace EngageBot.Tests.Cards;

public sealed class CardActionRouterTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly CardActionStore _store;

    public CardActionRouterTests() => _store = new CardActionStore(new SqliteRecordStore(_temp.File("cards.db")));

    public void Dispose() => _temp.Dispose();

    private sealed class RecordingHandler(Func<CardActionInvoked, CardActionResult> handle, params string[] verbs) : ICardActionHandler
    {
        public List<CardActionInvoked> Calls { get; } = [];
        public IReadOnlyCollection<string> Verbs => verbs;

        public Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
        {
            Calls.Add(action);
            return Task.FromResult(handle(action));
        }
    }

    private static CardActionInvoked Action(string verb, string dedupKey = "act-1", JsonObject? data = null) =>
        new(dedupKey, DateTimeOffset.Parse("2026-11-21T10:00:00Z"), new ConversationRef(ChatPlatform.Slack, "C1"),
            new ChatUser("U1", "Dana", AuthorKind.Internal), verb, data ?? [], null);

    private CardActionRouter Router(params ICardActionHandler[] handlers) => new(handlers, _store, NullLogger<CardActionRouter>.Instance);

    [Fact]
    public async Task Action_goes_to_the_handler_registered_for_its_verb()
    {
        var tickets = new RecordingHandler(_ => CardActionResult.Text("Resolved T-1."), CardVerbs.TicketResolve, CardVerbs.TicketAssignToMe);
        var churn = new RecordingHandler(_ => CardActionResult.Text("ack"), CardVerbs.ChurnAcknowledge);
        var result = await Router(tickets, churn).RouteAsync(Action(CardVerbs.TicketResolve));
        Assert.Equal("Resolved T-1.", result.Message);
        Assert.Single(tickets.Calls);
        Assert.Empty(churn.Calls);
    }

    [Fact]
    public async Task Unknown_verb_gets_a_clear_message_instead_of_an_exception()
    {
        var result = await Router().RouteAsync(Action("ticket.teleport"));
        Assert.Contains("ticket.teleport", result.Message);
        Assert.Contains("no longer supported", result.Message);
    }

    [Fact]
    public async Task Duplicate_press_with_the_same_dedup_key_runs_the_handler_once_and_replays_the_outcome()
    {
        var handler = new RecordingHandler(_ => CardActionResult.Text("Assigned to Dana."), CardVerbs.TicketAssignToMe);
        var router = Router(handler);
        await router.RouteAsync(Action(CardVerbs.TicketAssignToMe, "dup/1#x"));
        var second = await router.RouteAsync(Action(CardVerbs.TicketAssignToMe, "dup/1#x"));
        Assert.Single(handler.Calls);
        Assert.Equal("Assigned to Dana.", second.Message);

        // A restart (new router, same store) still knows it.
        var third = await Router(handler).RouteAsync(Action(CardVerbs.TicketAssignToMe, "dup/1#x"));
        Assert.Single(handler.Calls);
        Assert.Equal("Assigned to Dana.", third.Message);
    }

    [Fact]
    public async Task A_failing_handler_becomes_a_message_not_an_exception_to_the_platform()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("db down"), CardVerbs.ChurnResolve);
        var result = await Router(handler).RouteAsync(Action(CardVerbs.ChurnResolve));
        Assert.Contains("didn't work", result.Message);
    }

    [Fact]
    public async Task Slack_action_id_suffixes_are_stripped_before_dispatch()
    {
        var handler = new RecordingHandler(_ => CardActionResult.Text("ok"), CardVerbs.TicketResolve);
        await Router(handler).RouteAsync(Action(CardVerbs.TicketResolve + "#2"));
        Assert.Equal(CardVerbs.TicketResolve, Assert.Single(handler.Calls).Verb);
    }

    [Fact]
    public void Two_handlers_for_one_verb_fail_at_startup()
    {
        var a = new RecordingHandler(_ => CardActionResult.Text("a"), CardVerbs.TicketResolve);
        var b = new RecordingHandler(_ => CardActionResult.Text("b"), CardVerbs.TicketResolve);
        Assert.Throws<InvalidOperationException>(() => Router(a, b));
    }

    [Fact]
    public async Task Validation_errors_from_a_handler_come_back_keyed_by_input_id()
    {
        var handler = new RecordingHandler(action =>
        {
            var check = CardInputValidator.For(action.Data)
                .Required(CardInputs.Category)
                .OneOf(CardInputs.Sentiment, ["positive", "neutral", "negative"])
                .Required(CardInputs.Text).MaxLength(CardInputs.Text, 10)
                .NumberBetween(CardInputs.Recommend, 0, 10)
                .Date(CardInputs.NextCheckIn);
            return check.IsValid ? CardActionResult.Text("Thanks!") : check.Result;
        }, CardVerbs.FeedbackSubmit);
        var data = new JsonObject
        {
            [CardInputs.Sentiment] = "furious", [CardInputs.Text] = "far too long text", [CardInputs.Recommend] = "11", [CardInputs.NextCheckIn] = "next week",
        };
        var result = await Router(handler).RouteAsync(Action(CardVerbs.FeedbackSubmit, data: data));
        Assert.Equal(
            [CardInputs.Category, CardInputs.NextCheckIn, CardInputs.Recommend, CardInputs.Sentiment, CardInputs.Text],
            result.Errors!.Keys.Order());
        Assert.Equal("This is required.", result.Errors[CardInputs.Category]);
    }

    [Fact]
    public async Task The_host_registers_the_router_and_renderer()
    {
        await using var factory = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("EngageBot:Storage:DataDirectory", _temp.Path));
        var services = factory.Services;
        Assert.IsType<CardActionRouter>(services.GetRequiredService<ICardActionRouter>());
        Assert.IsType<BlockKitRenderer>(services.GetRequiredService<IBlockKitRenderer>());
        Assert.Contains(CardNames.Ticket, services.GetRequiredService<CardLibrary>().Names);
    }
}
