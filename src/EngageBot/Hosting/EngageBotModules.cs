using EngageBot.Ai;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Playground;
using EngageBot.Channels.Slack;
using EngageBot.Channels.Teams;
using EngageBot.Features.CheckIns;
using EngageBot.Features.Digests;
using EngageBot.Features.ChurnRisk;
using EngageBot.Features.Directory;
using EngageBot.Features.Feedback;
using EngageBot.Features.Help;
using EngageBot.Features.Interactions;
using EngageBot.Features.Nudges;
using EngageBot.Features.Tickets;
using EngageBot.Hosting.Health;
using EngageBot.Hosting.Telemetry;
using EngageBot.Scheduling;
using EngageBot.Storage;

namespace EngageBot.Hosting;

/// <summary>The whole service, one line per module. Each module's registration lives in its own folder.</summary>
public static class EngageBotModules
{
    public static WebApplicationBuilder AddEngageBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTelemetry();
        builder.AddStorage();
        builder.AddAi();
        builder.AddDirectory();
        builder.AddInteractions();
        builder.AddChannels();
        builder.AddSlack();
        builder.AddTeams();
        builder.AddPlayground();
        builder.AddCards();
        builder.AddChurnRisk();
        builder.AddTickets();
        builder.AddFeedback();
        builder.AddCheckIns();
        builder.AddDigests();
        builder.AddNudges();
        builder.AddHelp();
        builder.AddHealth();
        builder.AddScheduling(); // last: hands every feature's jobs to Quartz
        return builder;
    }

    public static WebApplication MapEngageBot(this WebApplication app)
    {
        app.MapHealth();
        app.MapSlack();
        app.MapTeams();
        app.MapPlayground();
        return app;
    }
}
