using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Linking;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Tests.ChurnRisk.Escalation;
using EngageBot.Tests.Tickets;
using EngageBot.Tests.Tickets.EndToEnd;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.Cards;

/// <summary>
/// Every card a feature sends, and every form behind its buttons, is filled from the record it belongs to: rendered for
/// Teams (the Adaptive Card), for Slack (the Block Kit message) and, where it takes inputs, as the Slack modal its form
/// button opens (expanded from the card's form source, as the Slack adapter does), none shows a sample value from
/// cards/*.data.json.
/// </summary>
public sealed class CardRecordRenderingTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly BlockKitRenderer _slack = new();

    [Fact]
    public async Task Ticket_and_triage_cards_show_the_ticket_in_every_state()
    {
        var policies = new FakeTicketPolicySource();
        var acme = TicketTestHost.Acme() with { Calendar = BusinessCalendarSpec.Weekdays("Europe/Lisbon", new TimeOnly(8, 30), new TimeOnly(16, 30)) };
        policies.AddPartner(acme, ChatPlatform.Slack, TicketTestHost.SlackChannel);
        using var host = new TicketTestHost(_dir.File("tickets.db"), _clock, policies);
        var root = await host.PostAsync(TicketTestHost.Partner(), "Where do I download the Q3 partner price list?");
        var cards = host.Get<ITicketCards>();
        var views = host.Get<TicketViewFactory>();

        foreach (var state in new[] { "open", "assigned", "resolved" })
        {
            var ticket = await host.TicketForAsync(root);
            var view = views.Create(ticket, acme);
            AssertFilledFromRecord(cards.TicketCard(view), $"the {state} ticket card", ticket.Id);
            AssertFilledFromRecord(cards.TriageCard(view), $"the {state} triage card", ticket.Id);
            if (state == "open") await host.Cards.HandleAsync(Press(TicketVerbs.AssignToMe, ticket.Id), CancellationToken.None);
            else await host.Cards.HandleAsync(Press(TicketVerbs.Resolve, ticket.Id), CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_churn_risk_card_and_its_resolve_and_reassign_forms_show_the_risk()
    {
        using var world = new EscalationWorld();
        await world.PostAsync("Globex will not renew in March.");
        var risk = await world.SingleRiskAsync();
        var card = world.Primary.GetRequiredService<ChurnRiskCard>();
        var forms = world.Primary.GetRequiredService<ChurnRiskFormSource>();
        var carla = EscalationWorld.SlackInternal("U-CARLA");

        AssertFilledFromRecord(await card.CardAsync(risk, CancellationToken.None), "the churn risk card", risk.Id);
        AssertFilledFromRecord(await card.CardAsync(risk, CancellationToken.None, reassigning: true), "the churn risk card asking whom to reassign to", risk.Id);
        foreach (var verb in new[] { CardVerbs.ChurnResolve, CardVerbs.ChurnReassign })
        {
            var data = await forms.GetFormDataAsync(verb, new JsonObject { [ChurnRiskActionHandler.RiskIdField] = risk.Id }, ChatPlatform.Slack, carla, CancellationToken.None);
            Assert.NotNull(data);
            var modal = _slack.RenderModal(CardFixtures.Library.Expand(CardNames.ChurnRisk, data), verb, "{}");
            CardFixtures.AssertNoSampleValue(modal, $"the Slack {verb} form");
            Assert.Contains("Globex will not renew in March.", modal.ToJsonString(CardFixtures.Readable), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_churn_risk_forms_are_refused_to_partners_and_for_risks_that_do_not_exist()
    {
        using var world = new EscalationWorld();
        await world.PostAsync("Globex will not renew in March.");
        var risk = await world.SingleRiskAsync();
        var forms = world.Primary.GetRequiredService<ChurnRiskFormSource>();

        Assert.Null(await forms.GetFormDataAsync(CardVerbs.ChurnResolve, new JsonObject { [ChurnRiskActionHandler.RiskIdField] = risk.Id },
            ChatPlatform.Slack, EscalationWorld.Partner(), CancellationToken.None));
        Assert.Null(await forms.GetFormDataAsync(CardVerbs.ChurnResolve, new JsonObject { [ChurnRiskActionHandler.RiskIdField] = "CR-311" },
            ChatPlatform.Slack, EscalationWorld.SlackInternal("U-CARLA"), CancellationToken.None));
    }

    [Fact]
    public async Task The_channel_link_card_and_its_form_show_the_channel_and_the_directorys_partners()
    {
        using var world = new EscalationWorld();
        var directory = world.Primary.GetRequiredService<IPartnerDirectory>();
        var partners = await directory.ListPartnersAsync();
        var question = ChannelLinkCard.Question(CardFixtures.Library, ChatPlatform.Slack, "C0ACMENEW1", "acme-renewals", partners);
        AssertFilledFromRecord(question, "the channel-link question", "acme-renewals");

        var data = await new ChannelLinkFormSource(directory).GetFormDataAsync(CardVerbs.ChannelLink,
            new JsonObject { [ChannelLinkCard.ChannelField] = "C0ACMENEW1", [ChannelLinkCard.PlatformField] = "slack", [ChannelLinkCard.ChannelNameField] = "acme-renewals" },
            ChatPlatform.Slack, EscalationWorld.SlackInternal("U-OLIVIA"), CancellationToken.None);
        var modal = _slack.RenderModal(CardFixtures.Library.Expand(CardNames.ChannelLink, data!), CardVerbs.ChannelLink, "{}");
        CardFixtures.AssertNoSampleValue(modal, "the Slack channel-link form");
        Assert.Contains("Acme Resellers (acme)", modal.ToJsonString(CardFixtures.Readable), StringComparison.Ordinal);

        var olivia = (await directory.GetPersonAsync("olivia"))!;
        AssertFilledFromRecord(ChannelLinkCard.Linked(ChatPlatform.Slack, "C0ACMENEW1", "acme-renewals", partners[0], olivia, _clock.GetUtcNow()),
            "the channel-link answer", "acme-renewals");
    }

    [Fact]
    public async Task Every_form_a_handler_answers_has_a_form_source_in_the_real_host()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = new TicketsSlackHost(slack);
        var handled = host.Services.GetServices<ICardActionHandler>().SelectMany(h => h.Verbs).ToHashSet();
        var filled = host.Services.GetServices<ICardFormSource>().Select(s => s.Card).ToHashSet();
        var library = host.Services.GetRequiredService<CardLibrary>();

        var forms = CardVerbs.All.Where(v => handled.Contains(v) && library.CardForFormVerb(v) is not null).ToList();
        Assert.Contains(CardVerbs.ChurnResolve, forms);
        Assert.All(forms, verb => Assert.True(filled.Contains(library.CardForFormVerb(verb)!), $"the {verb} form ({library.CardForFormVerb(verb)}) has no ICardFormSource"));
    }

    /// <summary>The card for Teams, its Slack message and (for each form it offers) its Slack modal show the record and no sample value.</summary>
    private void AssertFilledFromRecord(JsonObject card, string what, string recordText)
    {
        CardFixtures.AssertNoSampleValue(card, $"{what} (Teams)");
        Assert.Contains(recordText, card.ToJsonString(CardFixtures.Readable), StringComparison.Ordinal);
        var message = _slack.RenderMessage(card);
        CardFixtures.AssertNoSampleValue(new JsonObject { ["blocks"] = message.Blocks.DeepClone(), ["text"] = message.Text }, $"{what} (Slack)");
        foreach (var verb in CardElements.Actions(card).Where(CardElements.TakesInputs).Select(a => CardElements.String(a, "verb")).Distinct())
            CardFixtures.AssertNoSampleValue(_slack.RenderModal(card, verb, "{}"), $"{what}: the Slack {verb} form");
    }

    private CardActionInvoked Press(string verb, string ticketId) =>
        new($"press-{verb}-{ticketId}", _clock.GetUtcNow(), new ConversationRef(ChatPlatform.Slack, TicketTestHost.SlackTriage), TicketTestHost.Internal(),
            verb, new JsonObject { [TicketVerbs.TicketIdField] = ticketId }, null);

    public void Dispose() => _dir.Dispose();
}
