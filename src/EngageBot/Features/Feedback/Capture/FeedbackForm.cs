using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Feedback.Capture;

/// <summary>
/// The log form (cards/feedback.json, Adaptive Card 1.5): rating, category and text, filled from a
/// <see cref="FeedbackDraft"/>. The submit action's data is the draft itself, set after expansion so no value ever
/// depends on the template's bindings.
/// </summary>
public static class FeedbackForm
{
    public const string Title = "Log partner feedback";
    public const string Verb = CardVerbs.FeedbackSubmit;
    public const int MaxTextLength = 3_000;

    public static IReadOnlyList<(FeedbackCategory Category, string Title)> Categories { get; } =
    [
        (FeedbackCategory.Product, "Product"), (FeedbackCategory.Support, "Support"), (FeedbackCategory.Commercial, "Commercial"),
        (FeedbackCategory.Enablement, "Enablement"), (FeedbackCategory.Other, "Other"),
    ];

    public static string Value(FeedbackCategory category) => category.ToString().ToLowerInvariant();

    public static JsonObject Expand(CardLibrary cards, FeedbackDraft draft, Partner partner)
    {
        var card = cards.Expand(CardNames.Feedback, Data(draft, partner.Id, partner.Name));
        foreach (var action in CardElements.Actions(card).Where(a => CardElements.OptionalString(a, "verb") == Verb))
            action["data"] = draft.ToActionData();
        return card;
    }

    /// <summary>The template's data for a draft (the submit action's data is set by <see cref="Expand"/>).</summary>
    public static JsonObject Data(FeedbackDraft draft, string partnerId, string partnerName) => new()
    {
        ["partner"] = new JsonObject { ["id"] = partnerId, ["name"] = partnerName },
        ["source"] = draft.Describe(),
        ["rating"] = "",
        ["category"] = "",
        ["text"] = draft.Prefill.Length > MaxTextLength ? draft.Prefill[..MaxTextLength] : draft.Prefill,
        ["categories"] = new JsonArray(Categories.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = Value(c.Category) }).ToArray()),
    };
}
