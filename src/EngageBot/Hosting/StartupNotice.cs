namespace EngageBot.Hosting;

/// <summary>One line logged when the service starts, e.g. that a chat platform is off and which settings turn it on.</summary>
public sealed class StartupNotice(ILogger<StartupNotice> logger, string message) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("{Notice}", message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StartupNoticeRegistration
{
    // Registered as plain IHostedService: AddHostedService would keep only the first of several notices.
    public static IServiceCollection AddStartupNotice(this IServiceCollection services, string message) =>
        services.AddSingleton<IHostedService>(sp => new StartupNotice(sp.GetRequiredService<ILogger<StartupNotice>>(), message));
}
