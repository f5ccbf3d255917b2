using EngageBot.Cli;

namespace EngageBot.Features.Interactions;

public static class InteractionsModule
{
    public static WebApplicationBuilder AddInteractions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInteractionLog, InteractionStore>();
        builder.Services.AddCliCommand<InteractionsListCommand>();
        return builder;
    }
}
