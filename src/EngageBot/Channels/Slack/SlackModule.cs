using EngageBot.Cards;
using EngageBot.Cards.Charts;
using EngageBot.Hosting;
using EngageBot.SlackApi.Signing;
using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Slack;

public static class SlackModule
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SlackOptions>(SlackOptions.Section, serviceOnly: true);
        services.AddMemoryCache();
        services.AddChatPlatform<SlackPlatform>();
        // One long-lived client: pooled connections to slack.com, recycled so DNS changes are picked up.
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };
            return new SlackApiClient(http, new SlackApiClientOptions { BaseUrl = new Uri(o.ApiBaseUrl), BotToken = o.BotToken });
        });
        services.AddSingleton(sp => new SlackRequestVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackWorkspace>();
        services.AddHostedService<SlackWorkspaceCheck>();
        services.AddTransient<SlackAuthorClassifier>();
        services.AddTransient<SlackEventMapper>();
        services.AddTransient<SlackEventIntake>();
        services.AddTransient<SlackInteractionHandler>();
        services.AddTransient<SlackFormOpener>();
        services.AddTransient<SlackDirectChannels>();
        services.AddTransient<SlackCommandHandler>();
        services.AddSingleton<SlackResponseUrls>();
        services.AddTransient<SlackChartUploads>();
        services.TryAddSingleton<IChartImageRenderer>(_ => new ChartPngRenderer());
        services.AddHostedService<SlackSocketModeService>();

        // Only a configured Slack is a delivery target: the outbox should not try a workspace we have no token for.
        if (builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() is { Enabled: true })
            services.AddTransient<IChatChannel, SlackChatChannel>();
        else
            services.AddStartupNotice($"Slack is not configured: set {SlackOptions.Section}:BotToken and {SlackOptions.Section}:SigningSecret (or {SlackOptions.Section}:UseSocketMode with {SlackOptions.Section}:AppToken) to serve Slack.");
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        app.MapSlackEndpoints();
        return app;
    }
}
