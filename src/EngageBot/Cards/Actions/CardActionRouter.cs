using EngageBot.Channels;

namespace EngageBot.Cards.Actions;

/// <summary>
/// Dispatches a card action to the one handler registered for its verb. Never throws to the platform: an unknown
/// verb or a failing handler becomes a short message for the user (and a log entry). A duplicate press or platform
/// retry (same DedupKey) does not run the handler again; the user gets the first outcome back.
/// </summary>
public sealed class CardActionRouter : ICardActionRouter
{
    private readonly IReadOnlyDictionary<string, ICardActionHandler> _handlers;
    private readonly CardActionStore _store;
    private readonly ILogger<CardActionRouter> _logger;

    public CardActionRouter(IEnumerable<ICardActionHandler> handlers, CardActionStore store, ILogger<CardActionRouter> logger)
    {
        var byVerb = new Dictionary<string, ICardActionHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            foreach (var verb in handler.Verbs)
            {
                if (byVerb.TryGetValue(verb, out var other) && other != handler)
                    throw new InvalidOperationException($"Card verb '{verb}' has two handlers: {other.GetType().Name} and {handler.GetType().Name}.");
                byVerb[verb] = handler;
            }
        }
        _handlers = byVerb;
        _store = store;
        _logger = logger;
    }

    public async Task<CardActionResult> RouteAsync(CardActionInvoked action, CancellationToken cancellationToken = default)
    {
        var verb = BlockKitRenderer.VerbOf(action.Verb);
        if (!_handlers.TryGetValue(verb, out var handler))
        {
            _logger.LogWarning("Card action {Verb} from {Platform} has no handler", verb, action.Platform);
            return CardActionResult.Text($"Sorry, this button (“{verb}”) is no longer supported. Nothing was changed.");
        }

        if (!await _store.TryClaimAsync(action, cancellationToken))
        {
            _logger.LogInformation("Duplicate card action {Verb} {DedupKey} ignored", verb, action.DedupKey);
            var earlier = await _store.OutcomeAsync(action, cancellationToken);
            // No outcome yet: the first press is still running (or died mid-way; its handler's own idempotency decides).
            return CardActionResult.Text(earlier ?? "This is already being handled.");
        }

        CardActionResult result;
        try
        {
            result = await handler.HandleAsync(action with { Verb = verb }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Card action {Verb} failed in {Handler}", verb, handler.GetType().Name);
            result = CardActionResult.Text("Sorry, that didn't work. Please try again in a moment.");
        }

        if (result.Errors is { Count: > 0 })
        {
            // Recorded too: the corrected submission arrives as a new action with its own DedupKey.
            await _store.RecordOutcomeAsync(action, "The form had errors: " + string.Join("; ", result.Errors.Values), cancellationToken);
        }
        else
        {
            await _store.RecordOutcomeAsync(action, result.Message ?? "Done.", cancellationToken);
        }
        return result;
    }
}
