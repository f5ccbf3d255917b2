using EngageBot.Channels;
using EngageBot.Features.Interactions;
using EngageBot.Storage;

namespace EngageBot.Tests.Interactions;

/// <summary>The interaction log's behaviour, run on every storage adapter. Each test gets its own table prefix/database.</summary>
public abstract class InteractionLogConformanceTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract IRecordStore CreateStore();

    private InteractionStore NewLog() => new(CreateStore());

    internal static Interaction Message(string? partner, string id, DateTimeOffset at, string text = "hello", string kind = "message") =>
        new(ChatPlatform.Slack, "C1", null, id, partner, "U1", "Dana", AuthorKind.Partner, text, at, kind, InteractionDirection.Inbound);

    [Fact]
    public async Task One_partners_interactions_come_back_in_time_order_within_the_range()
    {
        var log = NewLog();
        await log.AppendManyAsync(
        [
            Message("acme", "3", T0.AddHours(3)), Message("acme", "1", T0.AddHours(1)), Message("globex", "9", T0.AddHours(2)),
            Message("acme", "2", T0.AddHours(2)), Message("acme", "0", T0.AddHours(-1)), Message("acme", "5", T0.AddHours(5)),
        ]);

        var found = await ToList(log.QueryAsync("acme", T0, T0.AddHours(5)));

        Assert.Equal(["1", "2", "3"], found.Select(i => i.MessageId));
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        var log = NewLog();
        var original = new Interaction(ChatPlatform.Teams, "19:abc/def#x?", "thread/1", "msg\\1", "part/ner#1", "29:user", "Zoë 'Z'", AuthorKind.Internal,
            "line1\nline2 👋", T0.AddTicks(1234567), "reply", InteractionDirection.Outbound);
        Assert.True(await log.AppendAsync(original));

        var read = Assert.Single(await ToList(log.QueryAsync("part/ner#1", T0.AddDays(-1))));

        Assert.Equal(original, read);
    }

    [Fact]
    public async Task Appending_the_same_event_twice_stores_it_once()
    {
        var log = NewLog();
        Assert.True(await log.AppendAsync(Message("acme", "m1", T0)));
        Assert.False(await log.AppendAsync(Message("acme", "m1", T0)));
        // A redelivery stamped with a different time is still the same (platform, message, kind).
        Assert.False(await log.AppendAsync(Message("acme", "m1", T0.AddSeconds(3))));
        Assert.True(await log.AppendAsync(Message("acme", "m1", T0, kind: "edit")));

        Assert.Equal(2, (await ToList(log.QueryAsync("acme", T0.AddDays(-1)))).Count);
    }

    [Fact]
    public async Task Append_many_batches_large_bursts_and_skips_duplicates()
    {
        var log = NewLog();
        await log.AppendAsync(Message("acme", "7", T0.AddMinutes(7)));
        var burst = Enumerable.Range(0, 130).Select(i => Message("acme", i.ToString(), T0.AddMinutes(i))).ToList();
        burst.Add(Message("acme", "12", T0.AddMinutes(12)));
        burst.Add(Message(null, "n1", T0));

        await log.AppendManyAsync(burst);
        await log.AppendManyAsync(burst);

        var acme = await ToList(log.QueryAsync("acme", T0.AddDays(-1)));
        Assert.Equal(Enumerable.Range(0, 130).Select(i => i.ToString()), acme.Select(i => i.MessageId));
    }

    [Fact]
    public async Task Interactions_without_a_partner_stay_out_of_partner_queries_but_show_in_the_all_partners_view()
    {
        var log = NewLog();
        await log.AppendManyAsync([Message(null, "n1", T0.AddMinutes(2)), Message("acme", "a1", T0.AddMinutes(3)), Message("globex", "g1", T0.AddMinutes(1))]);

        Assert.Equal(["a1"], (await ToList(log.QueryAsync("acme", T0))).Select(i => i.MessageId));
        Assert.Equal(["g1", "n1", "a1"], (await ToList(log.QueryAsync(null, T0))).Select(i => i.MessageId));
    }

    [Fact]
    public async Task Text_beyond_the_Table_Storage_string_limit_is_cut_not_rejected()
    {
        var log = NewLog();
        await log.AppendManyAsync(Enumerable.Range(0, 40).Select(i => Message("acme", i.ToString(), T0.AddSeconds(i), new string('é', 40_000))).ToList());

        var read = await ToList(log.QueryAsync("acme", T0));

        Assert.Equal(40, read.Count);
        Assert.All(read, i => Assert.Equal(InteractionRecordMapper.MaxTextLength, i.Text!.Length));
    }

    private static async Task<List<Interaction>> ToList(IAsyncEnumerable<Interaction> items)
    {
        var list = new List<Interaction>();
        await foreach (var i in items) list.Add(i);
        return list;
    }
}
