namespace EngageBot.Storage;

/// <summary>
/// Touches the store once at start-up so a wrong connection string or missing permission shows in the log
/// straight away (with the provider named, never the secret), instead of on the first partner message.
/// </summary>
internal sealed class StorageStartupCheck(IRecordStore store, Microsoft.Extensions.Options.IOptions<StorageOptions> options, ILogger<StorageStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.Table("meta").GetAsync("startup", "probe", cancellationToken);
            logger.LogInformation("Storage ready ({Provider})", options.Value.Provider);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Storage ({Provider}) is not reachable; inbound events will be refused until it is", options.Value.Provider);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
