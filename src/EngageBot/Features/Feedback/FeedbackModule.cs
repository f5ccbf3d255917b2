namespace EngageBot.Features.Feedback;

public static class FeedbackModule
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddFeedbackServices();
        return builder;
    }

    /// <summary>The feedback services without hosting (tests compose these over their own store). Needs IRecordStore.</summary>
    public static IServiceCollection AddFeedbackServices(this IServiceCollection services)
    {
        services.AddSingleton<FeedbackStore>();
        return services;
    }
}
