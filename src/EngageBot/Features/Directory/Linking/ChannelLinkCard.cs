using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Linking;

/// <summary>
/// The Adaptive Cards (1.5, Teams' ceiling) of channel linking: the question sent to an internal person when
/// the bot lands in an unclaimed channel, and what replaces it once answered. Built in code until the card
/// library supplies cards/channel-link.json; the ids below are the contract with that template.
/// </summary>
public static class ChannelLinkCard
{
    public const string Verb = "channel.link";
    public const string PartnerInput = "partner";
    public const string ChannelField = "channel";
    public const string PlatformField = "platform";
    public const string ChannelNameField = "channelName";

    public static JsonObject Question(ChatPlatform platform, string channelId, string? channelName, IEnumerable<Partner> partners, string? addedBy)
    {
        var where = Describe(platform, channelId, channelName);
        var choices = new JsonArray(partners.Select(p => (JsonNode)new JsonObject { ["title"] = $"{p.Name} ({p.Id})", ["value"] = p.Id }).ToArray());
        var data = new JsonObject { [ChannelField] = channelId, [PlatformField] = PlatformValue(platform) };
        if (channelName is not null) data[ChannelNameField] = channelName;
        return Card(
            TextBlock("Which partner is this channel for?", bold: true),
            TextBlock($"EngageBot was added to {where}{(addedBy is null ? "" : $" by {addedBy}")}, and no partner in the directory claims it. "
                + "Pick the partner so its questions there become tickets."),
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = PartnerInput,
                ["label"] = "Partner",
                ["style"] = "compact",
                ["isRequired"] = true,
                ["errorMessage"] = "Choose a partner.",
                ["choices"] = choices,
            },
            new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["title"] = "Link channel",
                    ["verb"] = Verb,
                    ["style"] = "positive",
                    ["data"] = data,
                }),
            });
    }

    public static JsonObject Linked(ChatPlatform platform, string channelId, string? channelName, Partner partner, Person linkedBy, DateTimeOffset at) =>
        Card(
            TextBlock($"{Describe(platform, channelId, channelName)} is linked to {partner.Name} ({partner.Id}).", bold: true),
            TextBlock($"Linked by {linkedBy.Name} on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC. To keep it in the directory file, add it to the partner's "
                + $"'{PlatformValue(platform)}.channels'.", subtle: true));

    public static JsonObject AlreadyClaimed(ChatPlatform platform, string channelId, string? channelName, Partner owner) =>
        Card(TextBlock($"{Describe(platform, channelId, channelName)} already belongs to {owner.Name} ({owner.Id}) in the directory file. "
            + "Change the file and re-import it to move the channel."));

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
