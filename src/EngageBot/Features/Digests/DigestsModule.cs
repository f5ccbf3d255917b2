using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.Digests.Cli;
using EngageBot.Features.Digests.Commands;
using EngageBot.Features.Digests.Delivery;
using EngageBot.Features.Digests.Health;
using EngageBot.Features.Digests.Loading;
using EngageBot.Hosting;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.Digests;

public static class DigestsModule
{
    /// <summary>Weekly executive digests, the `digest` command, `digest preview` and partner health scores.</summary>
    public static WebApplicationBuilder AddDigests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DigestOptions>(DigestOptions.Section);
        services.AddDigestServices();
        services.AddSingleton<IChatEventHandler, DigestCommandHandler>();
        services.AddCliCommand<DigestPreviewCommand>();
        var interval = builder.Configuration.GetValue<TimeSpan?>($"{DigestOptions.Section}:SweepInterval") ?? new DigestOptions().SweepInterval;
        services.AddScheduledJob<WeeklyDigestJob>(WeeklyDigestJob.Key, interval);
        return builder;
    }

    /// <summary>
    /// The digest's services without hosting (tests and benchmarks compose them over their own store and fakes). Needs
    /// IRecordStore, IPartnerDirectory, IInteractionLog, TicketStore, ChurnRiskStore, FeedbackStore, CheckInStore, IOutbox,
    /// TimeProvider and the Digest and Feedback options.
    /// </summary>
    public static IServiceCollection AddDigestServices(this IServiceCollection services)
    {
        services.TryAddSingleton<CardLibrary>();
        services.AddClaimLedger(DigestClaims.Table);
        services.TryAddSingleton<DigestFactsLoader>();
        services.TryAddSingleton<DigestBuilder>();
        services.TryAddSingleton<PartnerHealthService>();
        services.TryAddSingleton<DigestMessages>();
        services.TryAddSingleton<WeeklyDigestSweeper>();
        services.TryAddTransient<WeeklyDigestJob>();
        return services;
    }
}
