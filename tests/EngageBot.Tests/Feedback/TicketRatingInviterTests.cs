using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Features.Feedback.Ratings;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using Azure.Data.Tables;
using EngageBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Feedback;

/// <summary>Sampling and the per-partner cooldown of rating invitations, with the controlled clock, on one shared Azurite store.</summary>
public sealed class TicketRatingInviterTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static int _counter;
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingOutbox _outbox = new();

    private IRecordStore NewStore() => new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), "ri" + Interlocked.Increment(ref _counter));

    private TicketRatingInviter Inviter(IRecordStore store, FeedbackOptions? options = null) =>
        new(new RatingInvitationLedger(store), _outbox, new CardLibrary(RepoPaths.Cards), new StaticOptions(options ?? new FeedbackOptions { RatingSampleRate = 1 }),
            _clock, NullLogger<TicketRatingInviter>.Instance);

    private static Ticket Ticket(string id, string partner = "acme", TicketParty? openedBy = null) => new()
    {
        Id = id, PartnerId = partner, Platform = ChatPlatform.Slack, ChannelId = "C1", RootMessageId = id + ".ts",
        OpenedBy = openedBy ?? new TicketParty("U0PARTNER1", "Pat Partner"), OpenedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task A_partner_is_invited_at_most_once_per_cooldown_and_other_partners_are_not_held_back()
    {
        var inviter = Inviter(NewStore(), new FeedbackOptions { RatingSampleRate = 1, RatingCooldown = TimeSpan.FromDays(7) });

        await inviter.OnResolvedAsync(Ticket("T-1"), default);
        _clock.Advance(TimeSpan.FromDays(6));
        await inviter.OnResolvedAsync(Ticket("T-2"), default);
        await inviter.OnResolvedAsync(Ticket("G-1", partner: "globex"), default);
        _clock.Advance(TimeSpan.FromDays(1));
        await inviter.OnResolvedAsync(Ticket("T-3"), default);

        Assert.Equal(["feedback.rating-invite|T-1", "feedback.rating-invite|G-1", "feedback.rating-invite|T-3"], _outbox.Keys);
        var invitation = _outbox.All[0];
        Assert.Equal(DeliveryTarget.Post(new ConversationRef(ChatPlatform.Slack, "C1", "T-1.ts")), invitation.Target);
        Assert.Contains("Pat Partner", invitation.Message.Card!.ToJsonString());
    }

    [Fact]
    public async Task Two_instances_resolving_tickets_of_one_partner_at_once_invite_once()
    {
        var store = NewStore();
        var (a, b) = (Inviter(store), Inviter(store));

        await Task.WhenAll(a.OnResolvedAsync(Ticket("T-1"), default), b.OnResolvedAsync(Ticket("T-2"), default), a.OnResolvedAsync(Ticket("T-1"), default));

        Assert.Single(_outbox.Enqueued);
    }

    [Fact]
    public async Task Only_the_sampled_share_of_tickets_invites_and_the_choice_is_stable()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"T-{i}").ToList();

        var sampled = ids.Count(id => TicketRatingSampler.IsSampled(id, 0.25));

        Assert.InRange(sampled, 400, 600);
        Assert.All(ids, id => Assert.Equal(TicketRatingSampler.IsSampled(id, 0.25), TicketRatingSampler.IsSampled(id, 0.25)));
        Assert.DoesNotContain(ids, id => TicketRatingSampler.IsSampled(id, 0));
        var inviter = Inviter(NewStore(), new FeedbackOptions { RatingSampleRate = 0 });
        await inviter.OnResolvedAsync(Ticket("T-1"), default);
        Assert.Empty(_outbox.Enqueued);
    }

    [Fact]
    public async Task Tickets_an_internal_person_opened_invite_the_last_partner_writer_or_nobody()
    {
        var inviter = Inviter(NewStore());
        var internalOpener = new TicketParty("U0INTERNAL", "Olivia", PersonId: "olivia.owner");

        await inviter.OnResolvedAsync(Ticket("T-1", openedBy: internalOpener), default);
        var withPartner = Ticket("T-2", openedBy: internalOpener);
        withPartner.LastPartnerUserId = "U0PARTNER9";
        await inviter.OnResolvedAsync(withPartner, default);

        Assert.Equal(["feedback.rating-invite|T-2"], _outbox.Keys);
    }

    private sealed class StaticOptions(FeedbackOptions value) : IOptionsMonitor<FeedbackOptions>
    {
        public FeedbackOptions CurrentValue => value;
        public FeedbackOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<FeedbackOptions, string?> listener) => null;
    }
}
