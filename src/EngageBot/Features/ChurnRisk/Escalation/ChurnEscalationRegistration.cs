using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.ChurnRisk.Escalation;

public static class ChurnEscalationRegistration
{
    /// <summary>
    /// The escalation services without hosting (tests compose these over their own store, directory and outbox). Needs
    /// IRecordStore, IPartnerDirectory, IDirectoryLookup, IChurnDetector, IOutbox and TimeProvider; IInteractionLog is optional.
    /// </summary>
    public static IServiceCollection AddChurnEscalationServices(this IServiceCollection services)
    {
        services.AddChatPlatforms();
        services.TryAddSingleton<CardLibrary>();
        services.AddDueIndex(RiskDueEntry.Table);
        services.AddClaimLedger(RiskDueEntry.Ledger);
        services.AddSingleton<ChurnRiskStore>();
        services.AddSingleton<EscalationChain>();
        services.AddSingleton<RiskDeadlines>();
        services.AddSingleton<ChurnRiskCard>();
        services.AddSingleton<ChurnRiskService>();
        services.AddSingleton<ChurnSignalHandler>();
        services.AddSingleton<ChurnRiskActors>();
        services.AddSingleton<ChurnRiskActionHandler>();
        services.AddSingleton<ChurnRiskFormSource>();
        services.AddSingleton<ChurnEscalationSweeper>();
        services.AddTransient<ChurnEscalationJob>();
        return services;
    }

    /// <summary>Registers the handlers with the channel port.</summary>
    public static IServiceCollection AddChurnEscalationHandlers(this IServiceCollection services)
    {
        services.AddSingleton<IChatEventHandler>(sp => sp.GetRequiredService<ChurnSignalHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<ChurnRiskActionHandler>());
        services.AddSingleton<ICardFormSource>(sp => sp.GetRequiredService<ChurnRiskFormSource>());
        return services;
    }
}
