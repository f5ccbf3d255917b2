using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.Directory.Linking;

/// <summary>The channel-link form opened from Slack's "open form" button lists the partners as they are now.</summary>
public sealed class ChannelLinkFormSource(IPartnerDirectory directory) : ICardFormSource
{
    public string Verb => ChannelLinkCard.Verb;

    public async Task<JsonObject?> GetFormDataAsync(JsonObject actionData, ChatUser actor, CancellationToken cancellationToken)
    {
        if (actionData[ChannelLinkCard.ChannelField]?.GetValue<string>() is not { Length: > 0 } channelId
            || !Enum.TryParse<ChatPlatform>(actionData[ChannelLinkCard.PlatformField]?.GetValue<string>(), ignoreCase: true, out var platform))
            return null;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        return ChannelLinkCard.Data(platform, channelId, actionData[ChannelLinkCard.ChannelNameField]?.GetValue<string>(), snapshot.Partners);
    }
}
