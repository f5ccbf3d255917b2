using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Commands;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Hosting;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.Tickets;

public static class TicketsModule
{
    /// <summary>
    /// Registers the ticket feature over the partner directory (<see cref="DirectoryTicketPolicySource"/>), the card
    /// templates (<see cref="TemplateTicketCards"/>) and the channel port's <see cref="IOutbox"/>.
    /// </summary>
    public static WebApplicationBuilder AddTickets(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TicketsOptions>(TicketsOptions.Section);
        services.AddTicketServices();
        services.TryAddSingleton<ITicketPolicySource, DirectoryTicketPolicySource>(); // a test's own source wins
        services.AddSingleton<IChatEventHandler>(sp => sp.GetRequiredService<TicketEventHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<TicketCardActionHandler>());
        services.AddCliCommand<TicketsListCliCommand>();

        var interval = builder.Configuration.GetValue<TimeSpan?>($"{TicketsOptions.Section}:SweepInterval") ?? new TicketsOptions().SweepInterval;
        services.AddScheduledJob<TicketSlaSweepJob>(TicketSlaSweepJob.Key, interval);
        return builder;
    }

    /// <summary>
    /// The feature's services without hosting (tests and benchmarks compose these over their own store and fakes, adding
    /// an <see cref="ITicketPolicySource"/>); the template cards unless an <see cref="ITicketCards"/> is registered first.
    /// </summary>
    public static IServiceCollection AddTicketServices(this IServiceCollection services)
    {
        services.AddChatPlatforms();
        services.AddSingleton<TicketStore>();
        services.AddDueIndex(TicketDueEntries.Table);
        services.AddClaimLedger(TicketDueEntries.NudgeLedger);
        services.AddSingleton<TicketSourceIndex>();
        services.TryAddSingleton<CardLibrary>();
        services.TryAddSingleton<ITicketCards, TemplateTicketCards>();
        services.AddSingleton<TicketViewFactory>();
        services.AddSingleton<TriageCardPublisher>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<TicketMessageHandler>();
        services.AddSingleton<TicketReactionHandler>();
        services.AddSingleton<TicketAnswers>();
        services.AddSingleton<TicketCommandHandler>();
        services.AddSingleton<TicketEventHandler>();
        services.AddSingleton<TicketCardActionHandler>();
        services.AddSingleton<NudgeRecipients>();
        services.AddSingleton<TicketSlaSweeper>();
        services.AddTransient<TicketSlaSweepJob>();
        return services;
    }
}
