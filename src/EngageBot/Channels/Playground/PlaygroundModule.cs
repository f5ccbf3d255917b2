using EngageBot.Features.Directory;
using EngageBot.Hosting;

namespace EngageBot.Channels.Playground;

/// <summary>
/// The playground: a chat platform in the browser at /playground, behind the same ports as Slack and Teams, with a clock
/// the page can move forward. On in Development or when EngageBot:Playground:Enabled is true; otherwise nothing of it is
/// registered or routed (the descriptor aside, so stored playground rows still read).
/// </summary>
public static class PlaygroundModule
{
    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChatPlatform<PlaygroundPlatform>();
        if (!PlaygroundOptions.IsOn(builder.Configuration, builder.Environment)) return builder;

        // The controllable clock replaces the system clock for everything (jobs, SLAs, schedules): registered only here.
        services.AddSingleton(_ => new PlaygroundClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PlaygroundClock>());
        services.AddSingleton<IPlatformDirectoryProjection, PlaygroundIdentities>();
        services.AddSingleton<PlaygroundWorld>();
        services.AddSingleton<PlaygroundTranscript>();
        services.AddSingleton<PlaygroundIntake>();
        services.AddSingleton<PlaygroundTimeControl>();
        services.AddSingleton<IChatChannel, PlaygroundChatChannel>();
        services.AddStartupNotice("The playground is on at /playground: anyone who can reach this service may post there as any person of the directory, and its clock can be moved forward. Set EngageBot:Playground:Enabled=false to turn it off.");
        return builder;
    }

    public static WebApplication MapPlayground(this WebApplication app)
    {
        if (PlaygroundOptions.IsOn(app.Configuration, app.Environment))
            app.MapPlaygroundEndpoints();
        return app;
    }
}
