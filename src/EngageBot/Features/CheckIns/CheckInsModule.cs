using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.CheckIns.Answers;
using EngageBot.Features.CheckIns.Cli;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Hosting;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.CheckIns;

public static class CheckInsModule
{
    /// <summary>Check-ins over the directory, the feedback store, the churn-risk escalation and the channel port's outbox.</summary>
    public static WebApplicationBuilder AddCheckIns(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CheckInsOptions>(CheckInsOptions.Section);
        services.AddCheckInServices();
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<CheckInAnswerHandler>());
        services.AddSingleton<ICardFormSource>(sp => sp.GetRequiredService<CheckInFormSource>());
        services.AddCliCommand<CheckInsNextCommand>();
        var interval = builder.Configuration.GetValue<TimeSpan?>($"{CheckInsOptions.Section}:SweepInterval") ?? new CheckInsOptions().SweepInterval;
        services.AddScheduledJob<CheckInSweepJob>(CheckInSweepJob.Key, interval);
        return builder;
    }

    /// <summary>
    /// The feature's services without hosting (tests and benchmarks compose these over their own store and fakes). Needs
    /// IRecordStore, IPartnerDirectory, IDirectoryLookup, IOutbox, TimeProvider, FeedbackStore and the churn escalation services.
    /// </summary>
    public static IServiceCollection AddCheckInServices(this IServiceCollection services)
    {
        services.AddChatPlatforms();
        services.TryAddSingleton<CardLibrary>();
        services.AddDueIndex(CheckInDueEntries.Table);
        services.AddClaimLedger(CheckInDueEntries.Claims);
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInScheduleStore>();
        services.AddSingleton<CheckInPlanner>();
        services.AddSingleton<CheckInCard>();
        services.AddSingleton<CheckInPoster>();
        services.AddSingleton<CheckInSweeper>();
        services.AddSingleton<CheckInCardUpdater>();
        services.AddSingleton<CheckInRespondents>();
        services.AddSingleton<CheckInAnswerHandler>();
        services.AddSingleton<CheckInFormSource>();
        services.AddTransient<CheckInSweepJob>();
        return services;
    }
}
