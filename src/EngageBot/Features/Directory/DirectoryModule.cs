namespace EngageBot.Features.Directory;

public static class DirectoryModule
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
