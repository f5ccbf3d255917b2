using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Storage;

namespace EngageBot.Tests.Feedback;

/// <summary>The feedback store's behaviour, run on every storage adapter. Each test gets its own table prefix/database.</summary>
public abstract class FeedbackStoreConformanceTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract IRecordStore CreateStore();

    private FeedbackStore NewStore() => new(CreateStore());

    internal static FeedbackEntry Entry(string partner, string sourceId, DateTimeOffset at, int? rating = 4, string text = "good") =>
        new(FeedbackEntry.IdFor(partner, FeedbackSource.TicketRating, sourceId), partner, FeedbackSource.TicketRating, sourceId, rating, null, text,
            new FeedbackPerson(ChatPlatform.Slack, "U1", "Dana"), null, at);

    [Fact]
    public async Task One_partners_feedback_comes_back_newest_first_from_the_given_time()
    {
        var store = NewStore();
        foreach (var e in new[]
        {
            Entry("acme", "t1", T0.AddHours(1)), Entry("acme", "t3", T0.AddHours(3)), Entry("globex", "g1", T0.AddHours(2)),
            Entry("acme", "t0", T0.AddHours(-1)), Entry("acme", "t2", T0.AddHours(2)), Entry("acme", "tx", T0),
        })
            await store.SaveAsync(e);

        var found = await ToList(store.ListAsync("acme", T0));

        Assert.Equal(["t3", "t2", "t1", "tx"], found.Select(e => e.SourceId));
        Assert.Equal(["t3", "t2"], (await ToList(store.ListAsync("acme", T0, take: 2))).Select(e => e.SourceId));
    }

    [Fact]
    public async Task Every_partners_feedback_merges_newest_first()
    {
        var store = NewStore();
        await store.SaveAsync(Entry("acme", "a1", T0.AddHours(1)));
        await store.SaveAsync(Entry("globex", "g1", T0.AddHours(2)));
        await store.SaveAsync(Entry("initech", "i1", T0.AddHours(3)));
        await store.SaveAsync(Entry("acme", "old", T0.AddDays(-3)));

        Assert.Equal(["i1", "g1", "a1"], (await ToList(store.ListAsync(null, T0))).Select(e => e.SourceId));
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        var store = NewStore();
        var message = new MessageRef(new ConversationRef(ChatPlatform.Teams, "19:abc/def#x?@thread.tacv2", "1700000000000"), "1700000000123");
        var original = new FeedbackEntry(FeedbackEntry.IdFor("part/ner#1", FeedbackSource.LoggedMessage, FeedbackEntry.MessageSourceId(message), "29:internal"),
            "part/ner#1", FeedbackSource.LoggedMessage, FeedbackEntry.MessageSourceId(message), 2, FeedbackCategory.Enablement, "line1\nline2 👋 'quoted'",
            new FeedbackPerson(ChatPlatform.Teams, "29:partner", "Zoë 'Z'"), new FeedbackPerson(ChatPlatform.Teams, "29:internal", null),
            T0.AddTicks(1234567), message);

        Assert.True(await store.SaveAsync(original));

        Assert.Equal(original, Assert.Single(await ToList(store.ListAsync("part/ner#1", T0.AddDays(-1)))));
        Assert.Equal(original, await store.GetAsync("part/ner#1", original.Id));
        Assert.Null(await store.GetAsync("part/ner#1", "fb-missing"));
        Assert.Null(await store.GetAsync("other", original.Id));
    }

    [Fact]
    public async Task Saving_the_same_id_twice_stores_one_entry_and_keeps_the_first()
    {
        var store = NewStore();
        var first = Entry("acme", "t1", T0, rating: 2, text: "slow");

        Assert.True(await store.SaveAsync(first));
        // A double submit a few seconds later, with a different answer, is still the same feedback.
        Assert.False(await store.SaveAsync(first with { CreatedAt = T0.AddSeconds(3), Rating = 5, Text = "changed my mind" }));

        Assert.Equal(first, Assert.Single(await ToList(store.ListAsync("acme", T0.AddDays(-1)))));
    }

    [Fact]
    public async Task Concurrent_double_submits_store_one_entry()
    {
        var store = NewStore();
        var entry = Entry("acme", "t1", T0);

        var saved = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.SaveAsync(entry with { CreatedAt = T0.AddMilliseconds(i) })));

        Assert.Equal(1, saved.Count(s => s));
        Assert.Single(await ToList(store.ListAsync("acme", T0.AddDays(-1))));
    }

    [Fact]
    public async Task Invalid_feedback_is_refused_with_a_clear_error()
    {
        var store = NewStore();

        var rating = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Entry("acme", "t1", T0, rating: 6)));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Entry("acme", "t2", T0, rating: null, text: " ")));

        Assert.Contains("1 to 5", rating.Message);
        Assert.Contains("rating or some text", empty.Message);
        Assert.Empty(await ToList(store.ListAsync("acme", T0.AddDays(-1))));
    }

    [Fact]
    public async Task Text_beyond_the_Table_Storage_string_limit_is_cut_not_rejected()
    {
        var store = NewStore();

        await store.SaveAsync(Entry("acme", "t1", T0, text: new string('é', 40_000)));

        Assert.Equal(FeedbackRecordMapper.MaxTextLength, Assert.Single(await ToList(store.ListAsync("acme", T0))).Text.Length);
    }

    [Fact]
    public void Ids_are_deterministic_and_differ_by_partner_source_and_discriminator()
    {
        var id = FeedbackEntry.IdFor("acme", FeedbackSource.CheckInAnswer, "ci-1", "U1");

        Assert.Equal(id, FeedbackEntry.IdFor("acme", FeedbackSource.CheckInAnswer, "ci-1", "U1"));
        Assert.NotEqual(id, FeedbackEntry.IdFor("globex", FeedbackSource.CheckInAnswer, "ci-1", "U1"));
        Assert.NotEqual(id, FeedbackEntry.IdFor("acme", FeedbackSource.TicketRating, "ci-1", "U1"));
        Assert.NotEqual(id, FeedbackEntry.IdFor("acme", FeedbackSource.CheckInAnswer, "ci-1", "U2"));
    }

    private static async Task<List<FeedbackEntry>> ToList(IAsyncEnumerable<FeedbackEntry> items)
    {
        var list = new List<FeedbackEntry>();
        await foreach (var i in items) list.Add(i);
        return list;
    }
}
