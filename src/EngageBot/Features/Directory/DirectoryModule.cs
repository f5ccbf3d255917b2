using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Directory.Cli;
using EngageBot.Features.Directory.Customers;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Linking;
using EngageBot.Features.Directory.Store;
using EngageBot.Hosting;

namespace EngageBot.Features.Directory;

public static class DirectoryModule
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DirectoryOptions>(DirectoryOptions.Section);
        services.AddChatPlatforms();
        services.AddDirectoryServices();
        // Registered before ChurnRisk's empty fallback (TryAdd), so classify and detection match the directory's customers.
        services.AddSingleton<ICustomerNameSource, DirectoryCustomerNames>();
        services.AddSingleton<IChatEventHandler, ChannelLinkPromptHandler>();
        services.AddSingleton<IChatEventHandler, ChannelLinkCommandHandler>();
        services.AddSingleton<ICardActionHandler, ChannelLinkActionHandler>();
        services.AddSingleton<IConversationUnreachableHandler, UnreachableChannelHandler>();
        services.AddSingleton<ICardFormSource, ChannelLinkFormSource>();
        services.AddCliCommand<PartnersImportCommand>();
        services.AddCliCommand<PartnersListCommand>();
        services.AddCliCommand<PartnersShowCommand>();
        return builder;
    }

    /// <summary>The directory's store, cached reader (as IPartnerDirectory and IDirectoryLookup) and importer, without hosting
    /// (tests and benchmarks compose them over their own store). Needs IRecordStore, TimeProvider and DirectoryOptions.</summary>
    public static IServiceCollection AddDirectoryServices(this IServiceCollection services)
    {
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<IDirectoryLookup>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<IPartnerDirectory>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<DirectoryImporter>();
        return services;
    }
}
