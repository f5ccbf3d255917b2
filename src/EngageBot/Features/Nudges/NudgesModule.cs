using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Hosting;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.Nudges;

public static class NudgesModule
{
    /// <summary>Daily manager nudges over the directory, the interaction log, check-ins, tickets and the channel port's outbox.</summary>
    public static WebApplicationBuilder AddNudges(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<NudgesOptions>(NudgesOptions.Section);
        builder.Services.AddNudgeServices();
        var interval = builder.Configuration.GetValue<TimeSpan?>($"{NudgesOptions.Section}:SweepInterval") ?? new NudgesOptions().SweepInterval;
        builder.Services.AddScheduledJob<ManagerNudgeJob>(ManagerNudgeJob.Key, interval);
        return builder;
    }

    /// <summary>
    /// The feature's services without hosting (tests compose these over their own store and fakes). Needs IRecordStore,
    /// IPartnerDirectory, IInteractionLog, IOutbox, TimeProvider, CheckInStore and TicketStore.
    /// </summary>
    public static IServiceCollection AddNudgeServices(this IServiceCollection services)
    {
        services.TryAddSingleton<CardLibrary>();
        services.AddChatPlatforms();
        services.AddDueIndex(ManagerNudgeDueEntries.Table);
        services.AddClaimLedger(ManagerNudgeDueEntries.Claims);
        services.AddSingleton<PartnerNudgeFinder>();
        services.AddSingleton<ManagerNudgeComposer>();
        services.AddSingleton<ManagerNudgeCard>();
        services.AddSingleton<ManagerNudgePlanner>();
        services.AddSingleton<ManagerNudgeSweeper>();
        services.AddTransient<ManagerNudgeJob>();
        return services;
    }
}
