using EngageBot.Cards;
using EngageBot.Hosting;
using EngageBot.SlackApi.Signing;
using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Slack;

public static class SlackModule
{
    public const string HttpClientName = "slack";

    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SlackOptions>(SlackOptions.Section);
        services.AddMemoryCache();
        services.AddHttpClient(HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddTransient(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SlackApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                new SlackApiClientOptions { BaseUrl = new Uri(o.ApiBaseUrl), BotToken = o.BotToken });
        });
        services.AddSingleton(sp => new SlackRequestVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret, sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<SlackAuthorClassifier>();
        services.AddTransient<SlackEventMapper>();
        services.AddTransient<SlackEventIntake>();
        services.AddTransient<SlackInteractionHandler>();
        services.AddTransient<SlackCommandHandler>();
        services.TryAddSingleton<IBlockKitRenderer, PlainBlockKitRenderer>();
        services.AddHostedService<SlackSocketModeService>();

        // Only a configured Slack is a delivery target: the outbox should not try a workspace we have no token for.
        if (builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() is { Enabled: true })
            services.AddTransient<IChatChannel, SlackChatChannel>();
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        app.MapSlackEndpoints();
        return app;
    }
}
