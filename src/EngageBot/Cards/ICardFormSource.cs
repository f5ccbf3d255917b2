using System.Text.Json.Nodes;
using EngageBot.Channels;

namespace EngageBot.Cards;

/// <summary>
/// Fills a card's form behind a Slack "open form" button (<see cref="CardVerbs.OpenForm"/>) from the record the card
/// belongs to. Slack messages cannot hold inputs, so the card is re-expanded when the button is pressed; the feature
/// owning the card builds its data from the action's data (e.g. the risk id) and the record as it is now. There is no
/// fallback: a form without a source is refused (a test checks every handled form has one), so a template's sample data
/// (cards/NAME.data.json) never reaches a user.
/// </summary>
public interface ICardFormSource
{
    /// <summary>The template (<see cref="CardNames"/>) whose forms this source fills.</summary>
    string Card { get; }

    /// <summary>
    /// The data to expand the card with for the form of <paramref name="verb"/>; null when the record is gone or
    /// <paramref name="actor"/> may not act on it (the form is then refused).
    /// </summary>
    Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken);

    /// <summary>
    /// Why <paramref name="actor"/> may not fill this form, shown to them privately instead of opening it (a form that can
    /// only be refused on submit wastes their typing); null when they may, or when the generic refusal will do.
    /// </summary>
    Task<string?> RefusalAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
