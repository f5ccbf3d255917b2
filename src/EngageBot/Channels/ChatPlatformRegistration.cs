using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Channels;

public static class ChatPlatformRegistration
{
    /// <summary>Registers the platform registry features ask (safe to call from every module that needs it).</summary>
    public static IServiceCollection AddChatPlatforms(this IServiceCollection services)
    {
        services.TryAddSingleton<ChatPlatforms>();
        return services;
    }

    /// <summary>An adapter describes its platform (also when it is not configured: stored rows of it still need links and texts).</summary>
    public static IServiceCollection AddChatPlatform<TDescriptor>(this IServiceCollection services) where TDescriptor : class, IChatPlatformDescriptor
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatformDescriptor, TDescriptor>());
        return services.AddChatPlatforms();
    }
}
