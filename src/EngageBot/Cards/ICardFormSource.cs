using System.Text.Json.Nodes;
using EngageBot.Channels;

namespace EngageBot.Cards;

/// <summary>
/// Fresh data for the card behind a Slack "open form" button (<see cref="CardVerbs.OpenForm"/>). Slack messages cannot
/// hold inputs, so the card is re-expanded when the button is pressed; the feature owning <see cref="Verb"/> builds its
/// data from the action's data (e.g. the channel being linked) so the modal shows current choices. Without a source
/// the template's sample data (cards/NAME.data.json) is used.
/// </summary>
public interface ICardFormSource
{
    /// <summary>The input-taking verb whose card this source fills.</summary>
    string Verb { get; }

    /// <summary>The data to expand the card with; null to fall back to the template's sample data.</summary>
    Task<JsonObject?> GetFormDataAsync(JsonObject actionData, ChatUser actor, CancellationToken cancellationToken);
}
