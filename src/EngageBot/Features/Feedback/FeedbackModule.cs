using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.Feedback.Capture;
using EngageBot.Features.Feedback.Cli;
using EngageBot.Features.Feedback.Ratings;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.Feedback;

public static class FeedbackModule
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<FeedbackOptions>(FeedbackOptions.Section);
        services.AddFeedbackServices();
        services.AddSingleton<LowRatingNotifier>();
        services.TryAddSingleton<CardLibrary>();
        services.AddSingleton<RatingInvitationLedger>();
        services.AddSingleton<ITicketResolvedListener, TicketRatingInviter>();
        services.AddSingleton<ICardActionHandler, TicketRatingHandler>();
        services.AddSingleton<ICardFormSource, TicketRatingFormSource>();
        services.AddSingleton<ICardActionHandler, FeedbackSubmitHandler>();
        services.AddSingleton<ICardFormSource, FeedbackFormSource>();
        services.AddSingleton<IMessageActionForm, LogFeedbackForm>();
        services.AddSingleton<IChatEventHandler, FeedbackCommandHandler>();
        services.AddCliCommand<FeedbackListCommand>();
        return builder;
    }

    /// <summary>The feedback store without hosting (tests and other features compose it over their own store). Needs IRecordStore.</summary>
    public static IServiceCollection AddFeedbackServices(this IServiceCollection services)
    {
        services.TryAddSingleton<FeedbackStore>();
        return services;
    }
}
