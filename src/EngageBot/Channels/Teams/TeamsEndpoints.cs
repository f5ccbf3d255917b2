using System.Text.Json;
using EngageBot.BotFramework.Authentication;
using EngageBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Teams;

/// <summary>
/// POST /api/messages, the Bot Connector's messaging endpoint. The JWT is checked before anything is stored, so a
/// rejected request leaves no trace. Events go to the durable inbox and are acknowledged with 200 at once; card
/// actions run synchronously because Teams shows the invoke response (a new card or a message) to the user.
/// </summary>
public static class TeamsEndpoints
{
    private const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<TeamsOptions> options, BotTokenValidator validator,
        ConversationReferenceStore references, TeamsActivityMapper mapper, IServiceProvider services, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints).FullName!);
        if (!options.Value.Enabled)
            return Results.NotFound();
        var authorization = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(authorization))
            return Reject(logger, new TokenValidationOutcome(TokenValidationStatus.Unauthorized, "no Authorization header"));

        var activity = await ReadActivityAsync(http.Request, cancellationToken);
        var outcome = await validator.ValidateAsync(authorization, activity?.ChannelId ?? "", activity?.ServiceUrl ?? "", cancellationToken);
        if (outcome.Status is TokenValidationStatus.Unauthorized or TokenValidationStatus.KeysUnavailable)
            return Reject(logger, outcome);
        if (activity is null)
            return Results.BadRequest(new { error = "The body is not a Bot Framework activity." });
        if (!outcome.IsValid)
            return Reject(logger, outcome);

        await references.RememberAsync(activity, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
            return await InvokeAsync(activity, mapper, references, services, logger, cancellationToken);

        var events = await mapper.MapAsync(activity, cancellationToken);
        if (events.Count == 0)
            logger.LogInformation("Teams {Type} ({EventType}) needs no action", activity.Type, activity.GetTeamsChannelData()?.EventType);
        foreach (var chatEvent in events)
        {
            await RememberAskerAsync(chatEvent, references, cancellationToken);
            if (chatEvent is CardActionInvoked submit)
                await SubmitAsync(submit, services, cancellationToken);
            else
                await services.GetRequiredService<IInbox>().AcceptAsync(chatEvent, cancellationToken);
        }
        return Results.Ok();
    }

    private static async Task<IResult> InvokeAsync(Activity activity, TeamsActivityMapper mapper, ConversationReferenceStore references, IServiceProvider services,
        ILogger logger, CancellationToken cancellationToken)
    {
        if (TeamsMessageExtensions.Handles(activity))
        {
            var answer = await services.GetRequiredService<TeamsMessageExtensions>().HandleAsync(activity, cancellationToken);
            return answer is null
                ? Results.StatusCode(StatusCodes.Status501NotImplemented)
                : Results.Json(answer, BotFrameworkJson.Options, statusCode: StatusCodes.Status200OK);
        }
        var action = await mapper.MapCardActionAsync(activity, cancellationToken);
        if (action is null)
        {
            // As the SDK's ActivityHandler: invokes the bot does not implement are 501.
            logger.LogInformation("Teams invoke {Name} is not handled", activity.Name);
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
        await RememberAskerAsync(action, references, cancellationToken);
        AdaptiveCardInvokeResponse response;
        try
        {
            response = TeamsInvokeResponses.From(await services.GetRequiredService<ICardActionRouter>().RouteAsync(action, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Card action {Verb} failed", action.Verb);
            response = TeamsInvokeResponses.Failed();
        }
        return Results.Json(response, BotFrameworkJson.Options, statusCode: StatusCodes.Status200OK);
    }

    /// <summary>
    /// Action.Submit (older clients) cannot be answered with a card in the HTTP response, so a replacement card is
    /// applied by updating the card's message through the outbox (idempotent on the submit's dedup key).
    /// </summary>
    private static async Task SubmitAsync(CardActionInvoked submit, IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<ICardActionRouter>().RouteAsync(submit, cancellationToken);
        if (result.UpdatedCard is { } card && submit.SourceMessage is { } source && services.GetService<IOutbox>() is { } outbox)
        {
            var text = card["fallbackText"]?.GetValue<string>() ?? result.Message ?? "Updated";
            await outbox.EnqueueAsync($"{submit.DedupKey}:update", DeliveryTarget.Update(source), new OutboundMessage(text, card), cancellationToken);
        }
    }

    /// <summary>Answers to commands and card actions come back as private replies; the adapter needs to know where it may send them.</summary>
    private static async Task RememberAskerAsync(ChatEvent chatEvent, ConversationReferenceStore references, CancellationToken cancellationToken)
    {
        if (chatEvent is CommandInvoked or CardActionInvoked or MessageActionInvoked && chatEvent.Actor is { } asker)
            await references.RememberAuthorAsync(asker, cancellationToken);
    }

    private static async Task<Activity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return null;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            if (body.Length is 0 or > MaxBodyBytes)
                return null;
            body.Position = 0;
            return await JsonSerializer.DeserializeAsync<Activity>(body, BotFrameworkJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Reject(ILogger logger, TokenValidationOutcome outcome)
    {
        logger.LogWarning("Rejected Teams request ({Status}): {Reason}", outcome.HttpStatus, outcome.Reason);
        return Results.StatusCode(outcome.HttpStatus);
    }
}
