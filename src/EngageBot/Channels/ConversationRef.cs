namespace EngageBot.Channels;

/// <summary>
/// Where a message lives: a channel (Slack channel id; Teams channel conversation id without ";messageid=")
/// and optionally the thread's root message id. Adapters keep any extra routing (Teams serviceUrl, tenant)
/// in their own conversation-reference store keyed by <see cref="ChannelId"/>.
/// </summary>
public sealed record ConversationRef(ChatPlatform Platform, string ChannelId, string? ThreadId = null)
{
    public ConversationRef Thread(string rootMessageId) => this with { ThreadId = rootMessageId };
}

/// <summary>One posted message: its conversation and its own id (Slack ts, Teams activity id).</summary>
public sealed record MessageRef(ConversationRef Conversation, string MessageId);
