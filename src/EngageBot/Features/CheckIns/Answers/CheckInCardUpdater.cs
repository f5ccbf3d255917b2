using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>
/// Replaces the check-in card wherever it was posted, once its post was delivered (the outbox knows the message id). A
/// Slack modal submission has no message to answer into, so this is how the channel's card shows who answered there.
/// </summary>
public sealed class CheckInCardUpdater(IOutbox outbox, IOutboxStatus? status = null)
{
    public async Task UpdatePostedAsync(CheckIn checkIn, JsonObject card, CancellationToken ct)
    {
        if (status is null) return;
        var text = CheckInCard.AnsweredText(checkIn);
        foreach (var post in checkIn.Posts)
        {
            if (await status.GetAsync(post.OutboxKey, ct) is not { State: OutboxState.Delivered, Message: { } message }) continue;
            await outbox.EnqueueAsync($"checkin-card|{checkIn.Id}|{post.Platform}|{checkIn.Answers.Count}", DeliveryTarget.Update(message),
                new OutboundMessage(text, card), ct);
        }
    }
}
