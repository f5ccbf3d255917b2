using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Features.Feedback.Capture;

/// <summary>
/// "Log as partner feedback" on a message (Slack message shortcut, Teams message extension action): the log form,
/// prefilled with the message, for internal people in a partner's channel. Partners get a refusal and never see the form.
/// </summary>
public sealed class LogFeedbackForm(IPartnerDirectory directory, CardLibrary cards) : IMessageActionForm
{
    /// <summary>Slack manifest shortcut callback_id and Teams manifest message extension command id.</summary>
    public const string Callback = "log_feedback";

    public string CallbackId => Callback;

    public async Task<MessageActionForm> OpenAsync(MessageActionInvoked action, CancellationToken cancellationToken)
    {
        if (action.Actor is not { Kind: AuthorKind.Internal }) return MessageActionForm.Refused(FeedbackReplies.InternalOnly);
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        if (snapshot.PartnerIdByChannel(action.Platform, action.Conversation.ChannelId) is not { } partnerId || snapshot.Partner(partnerId) is not { } partner)
            return MessageActionForm.Refused(FeedbackReplies.NotAPartnerChannel);

        var message = new MessageRef(action.Conversation, action.TargetMessageId);
        var author = action.TargetAuthor is { Kind: not AuthorKind.Bot } user ? FeedbackPerson.From(action.Platform, user) : null;
        var draft = new FeedbackDraft(partner.Id, FeedbackEntry.MessageSourceId(message), message, author, action.TargetText ?? "");
        return new MessageActionForm(FeedbackForm.Title, FeedbackForm.Expand(cards, draft, partner), FeedbackForm.Verb, draft.ToActionData());
    }
}
