namespace EngageBot.Features.Interactions;

public static class InteractionsModule
{
    public static WebApplicationBuilder AddInteractions(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
