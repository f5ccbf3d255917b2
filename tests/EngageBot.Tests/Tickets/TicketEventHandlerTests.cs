using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

public sealed class TicketEventHandlerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();

    private TicketTestHost Host(TicketMode mode = TicketMode.QuestionsOnly)
    {
        var policies = TicketTestHost.DefaultPolicies();
        policies.Partners["acme"] = TicketTestHost.Acme(mode);
        return new TicketTestHost(_dir.File("tickets.db"), _clock, policies);
    }

    private static async Task<List<Ticket>> OpenTickets(TicketTestHost host, string partner = "acme")
    {
        var list = new List<Ticket>();
        await foreach (var t in host.Store.ListOpenByPartnerAsync(partner)) list.Add(t);
        return list;
    }

    [Fact]
    public async Task A_partner_question_opens_a_ticket_acknowledges_it_in_the_thread_and_posts_the_triage_card()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var ticket = await host.TicketForAsync(root);
        Assert.Equal(("acme", TicketStatus.Open, "How do I rotate the API key?"), (ticket.PartnerId, ticket.Status, ticket.Question));
        var ack = Assert.Single(host.Outbox.All, s => s.Key == $"ticket-ack|{ticket.Id}");
        Assert.Equal((DeliveryKind.Post, root), (ack.Target.Kind, ack.Target.Conversation!.ThreadId));
        var triage = Assert.Single(host.Outbox.All, s => s.Key == $"ticket-triage|{ticket.Id}");
        Assert.Equal(TicketTestHost.SlackTriage, triage.Target.Conversation!.ChannelId);
        Assert.Equal("acme", triage.Message.PartnerId); // a triage channel does not name its partner: the message does, for the log
        var card = triage.Message.Card!.ToJsonString();
        foreach (var verb in TicketVerbs.All) Assert.Contains($"\"verb\":\"{verb}\"", card);
        Assert.Contains("left (first response)", card);
    }

    [Fact]
    public async Task Bots_including_this_one_never_open_tickets()
    {
        using var host = Host(TicketMode.EveryTopLevelMessage);
        var botMessage = await host.PostAsync(TicketTestHost.Bot(), "Can you check the weekly digest?");
        await host.ReactAsync(TicketTestHost.Internal(), botMessage, "ticket");
        Assert.Empty(await OpenTickets(host));
        Assert.Empty(host.Outbox.All);
    }

    [Fact]
    public async Task Pleasantries_never_open_tickets_even_when_every_message_does()
    {
        using var host = Host(TicketMode.EveryTopLevelMessage);
        await host.PostAsync(TicketTestHost.Partner(), "thanks!");
        await host.PostAsync(TicketTestHost.Partner("U-P2"), "ok great");
        await host.PostAsync(TicketTestHost.Partner("U-P3"), "🎉");
        await host.PostAsync(TicketTestHost.Partner("U-P4"), "FYI we go live on Monday.");
        Assert.Equal(["FYI we go live on Monday."], (await OpenTickets(host)).Select(t => t.Question));
    }

    [Fact]
    public async Task In_questions_only_mode_statements_do_not_open_tickets()
    {
        using var host = Host(TicketMode.QuestionsOnly);
        await host.PostAsync(TicketTestHost.Partner(), "FYI we go live on Monday.");
        Assert.Empty(await OpenTickets(host));
    }

    [Fact]
    public async Task Consecutive_messages_from_one_partner_user_join_one_ticket()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "Can you help with SSO?");
        _clock.Advance(TimeSpan.FromSeconds(40));
        var second = await host.PostAsync(TicketTestHost.Partner(), "We get an error 'invalid audience' after login.");
        _clock.Advance(TimeSpan.FromSeconds(20));
        await host.PostAsync(TicketTestHost.Partner(), "thanks!");
        var ticket = Assert.Single(await OpenTickets(host));
        Assert.Equal("Can you help with SSO?\nWe get an error 'invalid audience' after login.", ticket.Question);
        Assert.Equal(ticket.Id, (await host.TicketForAsync(second)).Id);
        Assert.Equal(ticket.Id, (await host.TicketForAsync(root)).Id);

        _clock.Advance(TimeSpan.FromMinutes(5)); // outside the window: a new question is a new ticket
        await host.PostAsync(TicketTestHost.Partner(), "Separate question: where is the invoice for October?");
        Assert.Equal(2, (await OpenTickets(host)).Count);
    }

    [Fact]
    public async Task Another_partner_users_message_does_not_join()
    {
        using var host = Host();
        await host.PostAsync(TicketTestHost.Partner(), "Can you help with SSO?");
        await host.PostAsync(TicketTestHost.Partner("U-P2", "Quinn"), "Can someone reset my password?");
        Assert.Equal(2, (await OpenTickets(host)).Count);
    }

    [Fact]
    public async Task An_internal_ticket_reaction_opens_a_ticket_for_the_partners_message()
    {
        using var host = Host(TicketMode.QuestionsOnly);
        var message = await host.PostAsync(TicketTestHost.Partner(), "Our dashboard shows last week's numbers.");
        Assert.Empty(await OpenTickets(host));
        await host.ReactAsync(TicketTestHost.Internal(), message, "ticket");
        var ticket = await host.TicketForAsync(message);
        Assert.Equal(("Our dashboard shows last week's numbers.", "U-PARTNER"), (ticket.Question, ticket.OpenedBy.PlatformUserId));
        await host.ReactAsync(TicketTestHost.Internal(), message, "ticket"); // a second 🎫 changes nothing
        Assert.Single(await OpenTickets(host));
    }

    [Fact]
    public async Task The_open_ticket_message_action_opens_one_and_answers_the_user()
    {
        using var host = Host();
        await host.Handler.HandleAsync(new MessageActionInvoked("evt-a1", _clock.GetUtcNow(), host.Channel(), TicketTestHost.Internal(),
            "open_ticket", "1700000000.000100", "Partner asked about SAML metadata"), default);
        var ticket = Assert.Single(await OpenTickets(host));
        Assert.Equal("Partner asked about SAML metadata", ticket.Question);
        Assert.Contains(ticket.Id, host.Outbox.All.Single(s => s.Key == "ticket-action|evt-a1").Message.Text);
    }

    [Fact]
    public async Task Reactions_assign_mark_urgent_and_resolve_for_internal_users_only()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "Is the API down?");
        await host.ReactAsync(TicketTestHost.Partner(), root, "white_check_mark"); // partners can't resolve
        Assert.Equal(TicketStatus.Open, (await host.TicketForAsync(root)).Status);

        await host.ReactAsync(TicketTestHost.Internal(), root, "eyes");
        await host.ReactAsync(TicketTestHost.Internal(), root, "rotating_light");
        var ticket = await host.TicketForAsync(root);
        Assert.Equal(("alice", TicketUrgency.Urgent), (ticket.Assignee?.PersonId, ticket.Urgency));

        await host.ReactAsync(TicketTestHost.Internal(), root, "white_check_mark");
        Assert.Equal(TicketStatus.Resolved, (await host.TicketForAsync(root)).Status);
    }

    [Fact]
    public async Task Thread_replies_attach_and_edits_and_deletions_are_audited()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var reply = await host.PostAsync(TicketTestHost.Internal(), "Settings → Keys → Rotate.", threadRoot: root);
        await host.Handler.HandleAsync(new MessageEdited("evt-e1", _clock.GetUtcNow(), host.Channel(), TicketTestHost.Partner(), root,
            "How do I rotate the production API key?"), default);
        await host.Handler.HandleAsync(new MessageDeleted("evt-d1", _clock.GetUtcNow(), host.Channel().Thread(root), TicketTestHost.Internal(), reply), default);

        var ticket = await host.TicketForAsync(root);
        Assert.Equal("How do I rotate the production API key?", ticket.Question);
        Assert.True(await host.Store.HasMessageAsync(ticket.Id, reply));
        var audit = new List<TicketAuditEntry>();
        await foreach (var a in host.Store.ReadAuditAsync(ticket.Id)) audit.Add(a);
        Assert.Equal(["opened", "first-response", "message-edited", "message-deleted"], audit.Select(a => a.Action));
        Assert.Equal(reply, audit[^1].Detail);
    }

    [Fact]
    public async Task A_redelivered_reply_is_applied_once()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var reply = new MessagePosted("evt-x", _clock.GetUtcNow(), host.Channel().Thread(root), TicketTestHost.Internal(), "r1", "On it");
        await host.Handler.HandleAsync(reply, default);
        var version = (await host.TicketForAsync(root)).Version;
        await host.Handler.HandleAsync(reply, default);
        Assert.Equal(version, (await host.TicketForAsync(root)).Version);
    }

    [Fact]
    public async Task Messages_in_channels_without_a_partner_are_ignored()
    {
        using var host = Host(TicketMode.EveryTopLevelMessage);
        await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?", channelId: "C-RANDOM");
        Assert.Empty(host.Outbox.All);
    }

    [Fact]
    public async Task Triage_card_buttons_work_for_internal_users_and_the_card_is_then_updated_in_place()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var ticket = await host.TicketForAsync(root);
        var triageMessage = new MessageRef(new ConversationRef(ChatPlatform.Slack, TicketTestHost.SlackTriage), "1700000001.000200");
        CardActionInvoked Press(string verb, ChatUser who) => new($"evt-{verb}", _clock.GetUtcNow(), triageMessage.Conversation, who, verb,
            new JsonObject { ["ticketId"] = ticket.Id }, triageMessage);

        var refused = await host.Cards.HandleAsync(Press(TicketVerbs.Resolve, TicketTestHost.Partner()), default);
        Assert.Null(refused.UpdatedCard);

        var assigned = await host.Cards.HandleAsync(Press(TicketVerbs.AssignToMe, TicketTestHost.Internal()), default);
        Assert.Contains("Alice Agent", assigned.UpdatedCard!.ToJsonString());
        var resolved = await host.Cards.HandleAsync(Press(TicketVerbs.Resolve, TicketTestHost.Internal()), default);
        Assert.Contains("Resolved", resolved.UpdatedCard!.ToJsonString());
        // The adapter replaces the pressed card with the answer; the ticket feature must not send the same update again.
        Assert.Empty(host.Outbox.To(DeliveryKind.Update));

        // A change from elsewhere (the partner replying) updates the card where the press showed it to be.
        await host.PostAsync(TicketTestHost.Partner(), "It still fails for one key", threadRoot: root);
        var update = Assert.Single(host.Outbox.To(DeliveryKind.Update));
        Assert.Equal(triageMessage.MessageId, update.Target.MessageId);
        Assert.Contains("Reopened", update.Message.Card!.ToJsonString());
    }

    public void Dispose() => _dir.Dispose();
}
