using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Answers the renderer's "open form" button: re-expands the card owning the button's verb (data from the verb's
/// <see cref="ICardFormSource"/>, else the template's sample data) and opens its inputs as a modal whose callback_id is
/// the verb and private_metadata the action data, so view_submission comes back as that card action.
/// </summary>
public sealed class SlackFormOpener(
    CardLibrary library, IBlockKitRenderer renderer, SlackApiClient api, IEnumerable<ICardFormSource> sources, ILogger<SlackFormOpener> logger)
{
    /// <summary>False when no card takes inputs for the verb (a stale or forged button).</summary>
    public async Task<bool> OpenAsync(SlackFormButton button, string triggerId, ChatUser actor, CancellationToken cancellationToken)
    {
        if (library.CardForFormVerb(button.Verb) is not { } cardName)
        {
            logger.LogWarning("Slack open-form button names verb {Verb}, which no card's form uses", button.Verb);
            return false;
        }
        var source = sources.FirstOrDefault(s => s.Verb == button.Verb);
        var data = (source is null ? null : await source.GetFormDataAsync(button.Data, actor, cancellationToken)) ?? SampleData(cardName);
        await OpenCardAsync(library.Expand(cardName, data), button.Verb, button.Data, triggerId, cancellationToken);
        return true;
    }

    /// <summary>Opens an expanded card's inputs as a modal submitted as <paramref name="verb"/> with <paramref name="data"/> (a message action's form).</summary>
    public async Task OpenCardAsync(JsonObject card, string verb, JsonObject data, string triggerId, CancellationToken cancellationToken)
    {
        var view = renderer.RenderModal(card, verb, data.ToJsonString());
        try
        {
            await api.ViewsOpenAsync(triggerId, view, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            throw SlackDeliveryErrors.Classify(e, "views.open");
        }
    }

    private JsonObject SampleData(string cardName)
    {
        var path = Path.Combine(library.Folder, cardName + ".data.json");
        return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject sample ? sample : [];
    }
}
