namespace EngageBot.Channels.Teams;

/// <summary>
/// Teams channel thread ids are "19:…@thread.tacv2;messageid=&lt;rootId&gt;". The neutral ConversationRef keeps the
/// channel id and the root separately; these helpers split and rebuild them.
/// </summary>
internal static class TeamsConversationId
{
    private const string MessageIdMarker = ";messageid=";

    public static (string ChannelId, string? RootMessageId) Split(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (conversationId, null) : (conversationId[..at], conversationId[(at + MessageIdMarker.Length)..]);
    }

    public static string Compose(ConversationRef conversation) =>
        conversation.ThreadId is { Length: > 0 } root ? conversation.ChannelId + MessageIdMarker + root : conversation.ChannelId;
}
