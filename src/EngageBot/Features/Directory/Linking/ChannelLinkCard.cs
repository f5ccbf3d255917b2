using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Linking;

/// <summary>
/// The Adaptive Cards (1.5, Teams' ceiling) of channel linking: the question (cards/channel-link.json, sent to an
/// internal person when the bot lands in an unclaimed channel), and what replaces it once answered. The ids below
/// are the contract with that template.
/// </summary>
public static class ChannelLinkCard
{
    public const string TemplateName = "channel-link";
    public const string Verb = CardVerbs.ChannelLink;
    public const string PartnerInput = "partnerId";
    public const string ChannelField = "channel";
    public const string PlatformField = "platform";
    public const string ChannelNameField = "channelName";

    public static JsonObject Question(CardLibrary cards, ChatPlatform platform, string channelId, string? channelName, IEnumerable<Partner> partners) =>
        cards.Expand(TemplateName, Data(platform, channelId, channelName, partners));

    /// <summary>The template's data: the channel, its platform (echoed in the action's data) and the partners to choose from.</summary>
    public static JsonObject Data(ChatPlatform platform, string channelId, string? channelName, IEnumerable<Partner> partners) => new()
    {
        ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = channelName is { Length: > 0 } ? "#" + channelName : channelId },
        ["platform"] = PlatformValue(platform),
        ["partners"] = new JsonArray(partners.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = $"{p.Name} ({p.Id})" }).ToArray()),
    };

    public static JsonObject Linked(ChatPlatform platform, string channelId, string? channelName, Partner partner, Person linkedBy, DateTimeOffset at) =>
        Card(
            TextBlock(LinkedText(platform, channelId, channelName, partner), bold: true),
            TextBlock($"Linked by {linkedBy.Name} on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC. To keep it in the directory file, add it to the partner's "
                + $"'{PlatformValue(platform)}.channels'.", subtle: true));

    public static string LinkedText(ChatPlatform platform, string channelId, string? channelName, Partner partner) =>
        $"{Describe(platform, channelId, channelName)} is linked to {partner.Name} ({partner.Id}).";

    public static JsonObject AlreadyClaimed(ChatPlatform platform, string channelId, string? channelName, Partner owner) =>
        Card(TextBlock(AlreadyClaimedText(platform, channelId, channelName, owner)));

    public static string AlreadyClaimedText(ChatPlatform platform, string channelId, string? channelName, Partner owner) =>
        $"{Describe(platform, channelId, channelName)} already belongs to {owner.Name} ({owner.Id}) in the directory file. "
        + "Change the file and re-import it to move the channel.";

    public static JsonObject TriageChannel(ChatPlatform platform, string channelId, string? channelName, IReadOnlyList<Partner> partners) =>
        Card(TextBlock(TriageChannelText(platform, channelId, channelName, partners)));

    public static string TriageChannelText(ChatPlatform platform, string channelId, string? channelName, IReadOnlyList<Partner> partners) =>
        $"{Describe(platform, channelId, channelName)} is the internal triage channel of {string.Join(", ", partners.Select(p => $"{p.Name} ({p.Id})"))} "
        + "in the directory file, so it cannot be linked to a partner. Change the file and re-import it to change that.";

    public static string PlatformValue(ChatPlatform platform) => platform.ToString().ToLowerInvariant();

    private static string Describe(ChatPlatform platform, string channelId, string? channelName) =>
        channelName is { Length: > 0 } ? $"the {platform} channel #{channelName}" : $"the {platform} channel {channelId}";

    private static JsonObject TextBlock(string text, bool bold = false, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold) block["weight"] = "Bolder";
        if (subtle) block["isSubtle"] = true;
        return block;
    }

    private static JsonObject Card(params JsonNode[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(body),
    };
}
