using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Features.Feedback.Capture;

/// <summary>
/// The log form reopened from Slack's "open form" button: rebuilt from the draft in the button's data (which also
/// travels as the modal's private_metadata, so the submission knows its source) and the directory as it is now.
/// </summary>
public sealed class FeedbackFormSource(IPartnerDirectory directory) : ICardFormSource
{
    public string Card => CardNames.Feedback;

    public async Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken)
    {
        var draft = FeedbackDraft.FromActionData(actionData) ?? new FeedbackDraft("", "", null, null, "");
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        // A partner removed since: the form still opens with its id, and the submission explains why nothing is logged.
        var name = snapshot.Partner(draft.PartnerId)?.Name ?? draft.PartnerId;
        return FeedbackForm.Data(draft, draft.PartnerId, name);
    }
}
