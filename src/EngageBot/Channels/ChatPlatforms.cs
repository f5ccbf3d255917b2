namespace EngageBot.Channels;

/// <summary>The registered platforms' descriptors; a platform no adapter describes (rows of a removed adapter) gets neutral answers.</summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatformDescriptor> descriptors)
{
    private readonly Dictionary<ChatPlatform, IChatPlatformDescriptor> _byPlatform = descriptors.ToDictionary(d => d.Platform);

    public IReadOnlyCollection<ChatPlatform> All => _byPlatform.Keys;

    /// <summary>A link that opens the thread (or message) in its platform's client.</summary>
    public string ThreadLink(ConversationRef channel, string rootMessageId) => Describe(channel.Platform).ThreadLink(channel, rootMessageId);

    /// <summary>A link that opens the channel in its platform's client.</summary>
    public string ChannelLink(ConversationRef channel) => Describe(channel.Platform).ChannelLink(channel);

    public IChatPlatformDescriptor Describe(ChatPlatform platform) =>
        _byPlatform.TryGetValue(platform, out var descriptor) ? descriptor : new Undescribed(platform);

    private sealed record Undescribed(ChatPlatform Platform) : IChatPlatformDescriptor
    {
        public string CommandPrefix => "@EngageBot ";
        public string HomeTeamsLabel => "home ids";
        public bool FormErrorsOnFieldsOnly => false;
        public string ThreadLink(ConversationRef channel, string rootMessageId) => $"{Platform}:{channel.ChannelId}/{rootMessageId}";
        public string ChannelLink(ConversationRef channel) => $"{Platform}:{channel.ChannelId}";
    }
}
