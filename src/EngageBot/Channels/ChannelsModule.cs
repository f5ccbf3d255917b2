namespace EngageBot.Channels;

public static class ChannelsModule
{
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
