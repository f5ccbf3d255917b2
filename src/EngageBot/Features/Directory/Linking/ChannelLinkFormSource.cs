using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.Directory.Linking;

/// <summary>The channel-link form opened from Slack's "open form" button lists the partners as they are now, to people in the directory.</summary>
public sealed class ChannelLinkFormSource(IPartnerDirectory directory) : ICardFormSource
{
    public string Card => ChannelLinkCard.TemplateName;

    public async Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken)
    {
        if (actionData[ChannelLinkCard.ChannelField]?.GetValue<string>() is not { Length: > 0 } channelId
            || !ChatPlatform.TryParse(actionData[ChannelLinkCard.PlatformField]?.GetValue<string>(), out var channelPlatform))
            return null;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        // The partner list is internal: only people who may link (those in the directory) see it.
        if (PlatformIdentity.Find(snapshot, platform, actor) is null) return null;
        return ChannelLinkCard.Data(channelPlatform, channelId, actionData[ChannelLinkCard.ChannelNameField]?.GetValue<string>(), snapshot.Partners);
    }
}
