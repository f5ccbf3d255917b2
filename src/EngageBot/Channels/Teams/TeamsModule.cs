namespace EngageBot.Channels.Teams;

public static class TeamsModule
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        return app;
    }
}
