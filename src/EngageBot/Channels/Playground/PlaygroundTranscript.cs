using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace EngageBot.Channels.Playground;

/// <summary>
/// Everything said in the playground, in memory (a playground is for looking around, not for keeping): messages people
/// posted through the page and messages the bot delivered, with their reactions. Every change is broadcast to the
/// page's live streams. One lock: a playground has a handful of users.
/// </summary>
public sealed class PlaygroundTranscript(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<PlaygroundMessage> _messages = [];
    private readonly ConcurrentDictionary<Guid, Channel<PlaygroundChange>> _listeners = new();
    private long _ids;

    public IReadOnlyList<PlaygroundMessage> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }

    public PlaygroundMessage? Find(string channelId, string messageId)
    {
        lock (_gate) return _messages.FirstOrDefault(m => m.ChannelId == channelId && m.Id == messageId);
    }

    public PlaygroundMessage Add(string channelId, string? threadId, PlaygroundAuthor author, string text, JsonObject? card = null, string? visibleTo = null)
    {
        PlaygroundMessage message;
        lock (_gate)
        {
            var id = $"m{++_ids:D5}";
            message = new PlaygroundMessage(id, channelId, threadId, author, text, card, visibleTo, time.GetUtcNow(), new Dictionary<string, IReadOnlyList<string>>());
            _messages.Add(message);
        }
        Publish(new PlaygroundChange("message", message));
        return message;
    }

    public PlaygroundMessage? Replace(string channelId, string messageId, string text, JsonObject? card) =>
        Change(channelId, messageId, m => m with { Text = text, Card = card ?? m.Card, EditedAt = time.GetUtcNow() });

    public PlaygroundMessage? React(string channelId, string messageId, string reaction, string userId, bool added) =>
        Change(channelId, messageId, m =>
        {
            var who = m.Reactions.GetValueOrDefault(reaction) ?? [];
            var now = added ? who.Append(userId).Distinct().ToList() : who.Where(u => u != userId).ToList();
            var reactions = new Dictionary<string, IReadOnlyList<string>>(m.Reactions) { [reaction] = now };
            if (now.Count == 0) reactions.Remove(reaction);
            return m with { Reactions = reactions };
        });

    /// <summary>A live stream of changes for one page; ends when the page goes away.</summary>
    public async IAsyncEnumerable<PlaygroundChange> ListenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<PlaygroundChange>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
                yield return change;
        }
        finally
        {
            _listeners.TryRemove(id, out _);
        }
    }

    /// <summary>Tells pages that something besides messages moved (the clock).</summary>
    public void Publish(PlaygroundChange change)
    {
        foreach (var listener in _listeners.Values) listener.Writer.TryWrite(change);
    }

    private PlaygroundMessage? Change(string channelId, string messageId, Func<PlaygroundMessage, PlaygroundMessage> change)
    {
        PlaygroundMessage? changed = null;
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.ChannelId == channelId && m.Id == messageId);
            if (index >= 0) _messages[index] = changed = change(_messages[index]);
        }
        if (changed is not null) Publish(new PlaygroundChange("update", changed));
        return changed;
    }
}

/// <param name="ThreadId">The thread's root message id; null for a top-level message.</param>
/// <param name="VisibleTo">Set for a message only one user sees (an ephemeral answer).</param>
public sealed record PlaygroundMessage(string Id, string ChannelId, string? ThreadId, PlaygroundAuthor Author, string Text, JsonObject? Card,
    string? VisibleTo, DateTimeOffset At, IReadOnlyDictionary<string, IReadOnlyList<string>> Reactions, DateTimeOffset? EditedAt = null);

public sealed record PlaygroundAuthor(string Id, string Name, AuthorKind Kind)
{
    public static PlaygroundAuthor Bot { get; } = new("engagebot", "EngageBot", AuthorKind.Bot);
}

/// <param name="Kind">"message", "update" or "clock".</param>
public sealed record PlaygroundChange(string Kind, PlaygroundMessage? Message = null, DateTimeOffset? Now = null);
