using EngageBot.BotFramework.Authentication;
using EngageBot.BotFramework.Connector;
using EngageBot.Channels.Teams.Packaging;
using EngageBot.Cli;
using EngageBot.Hosting;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Teams;

public static class TeamsModule
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TeamsOptions>(TeamsOptions.Section, serviceOnly: true);
        if (builder.Configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() is not { Enabled: true })
            services.AddStartupNotice($"Microsoft Teams is not configured: set {TeamsOptions.Section}:AppId with {TeamsOptions.Section}:AppPassword and {TeamsOptions.Section}:TenantId (or {TeamsOptions.Section}:AppType=UserAssignedMsi) to serve Teams.");
        services.AddChatPlatform<TeamsPlatform>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TeamsOptions>>().Value;
            return new BotTokenValidator(new BotTokenValidatorOptions(options.AppId ?? "", options.OpenIdMetadataUrl),
                NewHttpClient(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new BotTokenProvider(() => BotCredentialFactory.Create(CredentialOptions(sp.GetRequiredService<IOptions<TeamsOptions>>().Value))));
        services.AddSingleton(sp => new ConnectorClient(NewHttpClient(), sp.GetRequiredService<BotTokenProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationReferenceStore>();
        services.AddMemoryCache();
        services.AddSingleton<TeamsMemberRoles>();
        services.AddSingleton<TeamsAuthorClassifier>();
        services.AddSingleton<TeamsActivityMapper>();
        services.AddSingleton<TeamsMessageExtensions>();
        services.AddSingleton<TeamsChatChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<TeamsChatChannel>());
        services.AddCliCommand<TeamsPackageCommand>();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        app.MapTeamsEndpoints();
        return app;
    }

    private static BotCredentialOptions CredentialOptions(TeamsOptions options) => new(
        options.AppType, options.AppId ?? "", options.AppPassword, options.TenantId,
        options.TokenEndpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null);

    // Long-lived clients with pooled connections recycled, so DNS changes of the Connector are picked up.
    private static HttpClient NewHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
}
