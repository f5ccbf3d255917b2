using EngageBot.Channels;

namespace EngageBot.Features.Help;

public static class HelpModule
{
    public static WebApplicationBuilder AddHelp(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatPlatforms().AddSingleton<IChatEventHandler, HelpCommandHandler>();
        return builder;
    }
}
