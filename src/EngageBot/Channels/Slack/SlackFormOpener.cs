using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Answers the renderer's "open form" button: re-expands the card owning the button's verb with data from that card's
/// <see cref="ICardFormSource"/> (the record as it is now) and opens its inputs as a modal whose callback_id is the verb
/// and private_metadata the action data plus the card's message (<see cref="SlackFormMetadata"/>), so view_submission
/// comes back as that card action and can replace the card. Without a source, or when the source refuses, no form opens.
/// </summary>
public sealed class SlackFormOpener(
    CardLibrary library, IBlockKitRenderer renderer, SlackApiClient api, IEnumerable<ICardFormSource> sources, ILogger<SlackFormOpener> logger)
{
    public const string GenericRefusal = "This form can't be opened: what it belongs to no longer exists, or it isn't yours to act on.";

    /// <summary>
    /// Null when the form opened; otherwise what to tell the actor privately: the source's own refusal (e.g. who may answer), or
    /// <see cref="GenericRefusal"/> when no card takes inputs for the verb (a stale or forged button) or its record is gone.
    /// </summary>
    public async Task<string?> OpenAsync(SlackFormButton button, string triggerId, ChatUser actor, MessageRef? source, CancellationToken cancellationToken)
    {
        if (library.CardForFormVerb(button.Verb) is not { } cardName)
        {
            logger.LogWarning("Slack open-form button names verb {Verb}, which no card's form uses", button.Verb);
            return GenericRefusal;
        }
        // The last registration wins, as with any DI service, so a host can replace a feature's source.
        if (sources.LastOrDefault(s => s.Card == cardName) is not { } formSource)
        {
            logger.LogError("Card {Card} has a form for {Verb} but no ICardFormSource fills it; the form is refused", cardName, button.Verb);
            return GenericRefusal;
        }
        if (await formSource.RefusalAsync(button.Verb, button.Data, ChatPlatform.Slack, actor, cancellationToken) is { } refusal)
        {
            logger.LogInformation("Form {Verb} refused for {UserId}: {Refusal}", button.Verb, actor.Id, refusal);
            return refusal;
        }
        if (await formSource.GetFormDataAsync(button.Verb, button.Data, ChatPlatform.Slack, actor, cancellationToken) is not { } data)
        {
            logger.LogInformation("Form {Verb} refused for {UserId}: its record is gone or not theirs to act on", button.Verb, actor.Id);
            return GenericRefusal;
        }
        await OpenCardAsync(library.Expand(cardName, data), button.Verb, button.Data, source, triggerId, cancellationToken);
        return null;
    }

    /// <summary>
    /// Opens an expanded card's inputs as a modal submitted as <paramref name="verb"/> with <paramref name="data"/>;
    /// <paramref name="source"/> is the card's message to replace on submit, null for a message action's form.
    /// </summary>
    public async Task OpenCardAsync(JsonObject card, string verb, JsonObject data, MessageRef? source, string triggerId, CancellationToken cancellationToken)
    {
        var view = renderer.RenderModal(card, verb, new SlackFormMetadata(data, source).ToJson());
        try
        {
            await api.ViewsOpenAsync(triggerId, view, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            throw SlackDeliveryErrors.Classify(e, "views.open");
        }
    }
}
