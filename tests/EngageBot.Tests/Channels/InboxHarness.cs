using EngageBot.Channels;
using EngageBot.Channels.Inbox;
using EngageBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Channels;

/// <summary>One service instance's inbox (its own store object) on a shared database file.</summary>
internal sealed class InboxHarness
{
    public InboxHarness(string databasePath, TimeProvider time, IEnumerable<IChatEventHandler> handlers, FakeInteractionLog? log = null,
        FakeDirectoryLookup? directory = null, InboxOptions? options = null, int passSize = 1000)
    {
        Store = new InboxStore(new SqliteRecordStore(databasePath));
        Signal = new InboxSignal(time);
        var inboxOptions = Options.Create(options ?? new InboxOptions());
        var priority = new IntakePriority(inboxOptions);
        Inbox = new Inbox(Store, Signal, priority, time);
        Processor = new InboxProcessor(Store, Signal, handlers, new InboundInteractionRecorder(log ?? new FakeInteractionLog(), directory ?? new FakeDirectoryLookup()),
            priority, inboxOptions, time, NullLogger<InboxProcessor>.Instance) { PassSize = passSize };
    }

    public InboxStore Store { get; }
    public InboxSignal Signal { get; }
    public IInbox Inbox { get; }
    public InboxProcessor Processor { get; }

    public static MessagePosted Message(string dedupKey, string channel = "C1", string text = "hello", DateTimeOffset? at = null, AuthorKind kind = AuthorKind.Partner) =>
        new(dedupKey, at ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), new ConversationRef(ChatPlatform.Slack, channel),
            new ChatUser("U-" + dedupKey, "Pat Partner", kind), "ts-" + dedupKey, text);
}
