using EngageBot.Hosting;
using EngageBot.Storage.AzureTables;
using EngageBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EngageBot.Storage;

public static class StorageModule
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.Services.AddSingleton<IRecordStore>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.AzureTables
                ? ActivatorUtilities.CreateInstance<AzureTablesRecordStore>(sp)
                : ActivatorUtilities.CreateInstance<SqliteRecordStore>(sp));
        builder.Services.AddHostedService<StorageStartupCheck>();
        return builder;
    }
}
