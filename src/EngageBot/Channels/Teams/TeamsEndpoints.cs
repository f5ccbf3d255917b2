using System.Text.Json;
using EngageBot.BotFramework.Authentication;
using EngageBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Teams;

/// <summary>
/// POST /api/messages, the Bot Connector's messaging endpoint. The JWT is authenticated from the header before the
/// body is read (an unauthenticated caller gets 401 with nothing buffered), the body is then read up to a cap, and the
/// token's endorsement for the activity's channel and service URL is checked before anything is stored, so a
/// rejected request leaves no trace. Events go to the durable inbox and are acknowledged with 200 at once; card
/// actions run synchronously because Teams shows the invoke response (a new card or a message) to the user.
/// </summary>
public static class TeamsEndpoints
{
    /// <summary>As Slack's endpoints: activities are a few KB (attachments are links); a large card stays far below this.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

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

        var token = await validator.AuthenticateAsync(authorization, cancellationToken);
        if (!token.IsValid)
            return Reject(logger, token);
        if (await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken) is not { } body)
            return Results.Json(new { error = $"The activity is larger than {MaxBodyBytes} bytes." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        if (ParseActivity(body) is not { } activity)
            return Results.BadRequest(new { error = "The body is not a Bot Framework activity." });
        var outcome = await validator.AuthorizeAsync(token, activity.ChannelId ?? "", activity.ServiceUrl ?? "", cancellationToken);
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

    private static Activity? ParseActivity(byte[] body)
    {
        if (body.Length == 0) return null;
        try { return JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options); }
        catch (JsonException) { return null; }
    }

    private static IResult Reject(ILogger logger, TokenValidationOutcome outcome)
    {
        logger.LogWarning("Rejected Teams request ({Status}): {Reason}", outcome.HttpStatus, outcome.Reason);
        return Results.StatusCode(outcome.HttpStatus);
    }
}
