using EngageBot.Features.Directory;
using EngageBot.Features.Interactions;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Appends every inbound event to the interaction log, attributed to the partner owning the channel.
/// Events that are not messages themselves (edits, reactions, actions…) are identified by their dedup key,
/// so two edits of one message are two interactions.
/// </summary>
internal sealed class InboundInteractionRecorder(IInteractionLog? log = null, IDirectoryLookup? directory = null)
{
    public bool Enabled => log is not null;

    public async Task RecordAsync(ChatEvent e, CancellationToken cancellationToken)
    {
        if (log is null)
            return;
        var c = e.Conversation;
        var partnerId = directory is null ? null : await directory.FindPartnerIdByChannelAsync(c.Platform, c.ChannelId, cancellationToken);
        var (messageId, kind, text) = Describe(e);
        await log.AppendAsync(new Interaction(c.Platform, c.ChannelId, c.ThreadId, messageId, partnerId,
            e.Actor?.Id, e.Actor?.DisplayName, e.Actor?.Kind ?? AuthorKind.Unknown, text, e.Timestamp, kind, InteractionDirection.Inbound), cancellationToken);
    }

    public static (string MessageId, string Kind, string? Text) Describe(ChatEvent e) => e switch
    {
        MessagePosted m => (m.MessageId, m.IsDirect ? "direct" : m.IsThreadReply ? "reply" : "message", m.Text),
        MessageEdited m => (e.DedupKey, "edit", m.NewText),
        MessageDeleted => (e.DedupKey, "delete", null),
        ReactionChanged r => (e.DedupKey, r.Added ? "reaction-added" : "reaction-removed", r.Reaction),
        MembershipChanged m => (e.DedupKey, m.Joined ? "member-joined" : "member-left", m.Member.DisplayName ?? m.Member.Id),
        BotMembershipChanged b => (e.DedupKey, b.Added ? "bot-added" : "bot-removed", b.ChannelName),
        CardActionInvoked a => (e.DedupKey, "card-action", a.Verb),
        CommandInvoked cmd => (e.DedupKey, "command", $"{cmd.Command} {cmd.Arguments}".Trim()),
        MessageActionInvoked a => (e.DedupKey, "message-action", a.CallbackId),
        _ => (e.DedupKey, e.GetType().Name, null),
    };
}
