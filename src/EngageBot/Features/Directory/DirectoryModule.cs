using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.Directory.Cli;
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
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<IDirectoryLookup>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<IPartnerDirectory>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<DirectoryImporter>();
        services.AddSingleton<IChatEventHandler, ChannelLinkPromptHandler>();
        services.AddSingleton<ICardActionHandler, ChannelLinkActionHandler>();
        services.AddCliCommand<PartnersImportCommand>();
        services.AddCliCommand<PartnersListCommand>();
        services.AddCliCommand<PartnersShowCommand>();
        return builder;
    }
}
