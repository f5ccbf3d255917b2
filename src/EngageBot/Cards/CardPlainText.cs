using System.Text;
using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>
/// A card as plain text: the notification/fallback text for Slack's <c>text</c>, Teams' activity text and logs.
/// Texts and facts in reading order; links as "text (url)"; inputs and buttons left out.
/// </summary>
public static class CardPlainText
{
    public static string Render(JsonObject card, int maxLength = SlackLimits.FallbackText)
    {
        var sb = new StringBuilder();
        Append(card["body"] as JsonArray, sb);
        return CardText.Truncate(sb.ToString().Trim(), maxLength);
    }

    /// <summary>The first text of the card (its title), for notification previews.</summary>
    public static string Title(JsonObject card) =>
        CardElements.Walk(card["body"] as JsonArray).FirstOrDefault(e => CardElements.Type(e) == "TextBlock") is { } first
            ? CardText.ToPlainShort(CardElements.String(first, "text"))
            : "";

    private static void Append(JsonArray? items, StringBuilder sb)
    {
        foreach (var element in CardElements.Walk(items))
        {
            switch (CardElements.Type(element))
            {
                case "TextBlock":
                    sb.AppendLine(CardText.ToPlain(CardElements.String(element, "text")));
                    break;
                case "RichTextBlock":
                    sb.AppendLine(CardText.ToPlain(CardElements.RichText(element)));
                    break;
                case "FactSet":
                    foreach (var fact in CardElements.Facts(element))
                        sb.Append(CardText.ToPlain(fact.Title)).Append(": ").AppendLine(CardText.ToPlain(fact.Value));
                    break;
            }
        }
    }
}
