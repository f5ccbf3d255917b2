using System.Diagnostics;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels.Inbox;

namespace EngageBot.Channels.Playground.Demo;

/// <summary>
/// What the demo script can do: act as people through the playground intake (the same path as the page), move the clock,
/// and wait until the service has finished reacting (inbox drained, nothing new in the transcript) before printing.
/// </summary>
internal sealed class DemoPlayer(PlaygroundIntake intake, PlaygroundTimeControl clock, PlaygroundTranscript transcript, InboxStore inbox,
    DemoTranscriptWriter writer)
{
    public DateTimeOffset Now => clock.Now;

    public async Task<PlaygroundMessage> SayAsync(string userId, string channelId, string text, string? threadId = null)
    {
        var posted = await intake.PostAsync(userId, channelId, threadId, text, CancellationToken.None);
        await SettleAsync();
        return posted;
    }

    public async Task ReactAsync(string userId, PlaygroundMessage message, string reaction)
    {
        await intake.ReactAsync(userId, message.ChannelId, message.Id, reaction, added: true, CancellationToken.None);
        await SettleAsync();
    }

    /// <summary>Presses the button titled <paramref name="title"/> on a bot card, with <paramref name="inputs"/> as the card's input values.</summary>
    public async Task PressAsync(string userId, PlaygroundMessage card, string title, JsonObject? inputs = null)
    {
        var action = CardElements.Actions(card.Card ?? throw new InvalidOperationException($"Message {card.Id} has no card."))
            .FirstOrDefault(a => CardElements.String(a, "title") == title && CardElements.Type(a) is "Action.Execute" or "Action.Submit")
            ?? throw new InvalidOperationException($"The card {card.Id} has no button '{title}'.");
        var data = action["data"] is JsonObject d ? (JsonObject)d.DeepClone() : [];
        foreach (var (key, value) in inputs ?? []) data[key] = value?.DeepClone();
        var verb = CardElements.OptionalString(action, "verb") ?? CardElements.OptionalString(data, "verb") ?? "";
        var result = await intake.ActAsync(userId, card.ChannelId, card.Id, verb, data, CancellationToken.None);
        if (result.Errors is { Count: > 0 } errors) writer.Note($"(the form refused: {string.Join(" ", errors.Values)})");
        await SettleAsync();
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        await clock.AdvanceAsync(by, CancellationToken.None);
        await SettleAsync();
    }

    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        await clock.AdvanceToAsync(instant, CancellationToken.None);
        await SettleAsync();
    }

    /// <summary>The newest message matching <paramref name="match"/>.</summary>
    public PlaygroundMessage Latest(Func<PlaygroundMessage, bool> match, string what) =>
        transcript.Messages.LastOrDefault(match) ?? throw new InvalidOperationException($"The demo expected {what}, which never came.");

    /// <summary>
    /// The newest message matching <paramref name="match"/>, waiting for it when work that only a scheduled job does is
    /// still running (composing the weekly digest can outlast a quiet moment on a busy machine).
    /// </summary>
    public async Task<PlaygroundMessage> AwaitAsync(Func<PlaygroundMessage, bool> match, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!transcript.Messages.Any(match) && waited.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(200);
        await SettleAsync();
        return Latest(match, what);
    }

    /// <summary>Quiet means: no inbound event waiting and the transcript unchanged for a moment (the outbox sends at once here).</summary>
    private async Task SettleAsync()
    {
        var quiet = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        var (count, edits) = Shape();
        while (total.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
            var now = Shape();
            if (now != (count, edits) || (await inbox.QueuedAsync(1, CancellationToken.None)).Count > 0)
            {
                (count, edits) = now;
                quiet.Restart();
            }
            else if (quiet.Elapsed > TimeSpan.FromSeconds(1.5))
            {
                break;
            }
        }
        writer.Flush();
    }

    private (int, int) Shape()
    {
        var messages = transcript.Messages;
        return (messages.Count, messages.Sum(m => m.Reactions.Count + (m.EditedAt is null ? 0 : 1)));
    }
}
