namespace EngageBot.Channels.Slack;

public static class SlackModule
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        return app;
    }
}
