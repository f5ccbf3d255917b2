using EngageBot.Channels;

namespace EngageBot.Features.Directory.Model;

/// <summary>A channel linked to a partner from chat (the channel-link card), kept beside the imported file.</summary>
public sealed record ChannelLink(ChatPlatform Platform, string ChannelId, string PartnerId, string LinkedByPersonId, DateTimeOffset LinkedAt);
