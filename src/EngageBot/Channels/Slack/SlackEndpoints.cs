using System.Globalization;
using System.Text.Json;
using EngageBot.SlackApi.Events;
using EngageBot.SlackApi.Interactivity;
using EngageBot.SlackApi.Signing;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Slack's three request URLs. Each verifies the signature first (401 otherwise, nothing stored), then stores or
/// routes and answers inside Slack's 3-second window (<see cref="AckDeadline"/>). A failure to store is a 5xx, so Slack
/// retries with the same event_id; so is not yet knowing our own workspace (<see cref="SlackWorkspace"/>).
/// </summary>
public static class SlackEndpoints
{
    private const string LoggerName = "EngageBot.Channels.Slack.SlackEndpoints";

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/api/slack");
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/interactions", InteractionsAsync);
        slack.MapPost("/commands", CommandsAsync);
        return app;
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackRequestVerifier verifier, SlackEventIntake intake, ILoggerFactory loggers)
    {
        if (await SlackSignedRequest.ReadAsync(http, verifier, loggers.CreateLogger(LoggerName)) is not { } request) return Results.Unauthorized();
        SlackEventEnvelope? envelope;
        try { envelope = JsonSerializer.Deserialize<SlackEventEnvelope>(request.Body, SlackJson.Options); }
        catch (JsonException) { return Results.BadRequest(new { error = "The body is not a Slack Events API JSON payload." }); }
        if (envelope is null) return Results.BadRequest(new { error = "Empty Events API payload." });

        if (envelope.Type == SlackEventEnvelope.UrlVerification)
            return Results.Json(new { challenge = envelope.Challenge });
        return await AckAsync(http, loggers, async ct =>
        {
            await intake.AcceptAsync(envelope, RetryNum(http), ct);
            return Results.Ok();
        });
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, SlackRequestVerifier verifier, SlackInteractionHandler handler, ILoggerFactory loggers)
    {
        if (await SlackSignedRequest.ReadAsync(http, verifier, loggers.CreateLogger(LoggerName), allowSslCheck: true) is not { } request)
            return Results.Unauthorized();
        if (request.IsSslCheck) return Results.Ok();
        var form = request.Form();
        if (!form.TryGetValue("payload", out var json)) return Results.BadRequest(new { error = "Missing the 'payload' form field." });
        SlackInteractionPayload? payload;
        try { payload = JsonSerializer.Deserialize<SlackInteractionPayload>(json, SlackJson.Options); }
        catch (JsonException) { return Results.BadRequest(new { error = "The 'payload' field is not Slack interaction JSON." }); }
        if (payload is null) return Results.BadRequest(new { error = "Empty interaction payload." });

        return await AckAsync(http, loggers, async ct =>
            await handler.HandleAsync(payload, ct) is { } response ? Results.Json(response) : Results.Ok());
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackRequestVerifier verifier, SlackCommandHandler handler, ILoggerFactory loggers)
    {
        if (await SlackSignedRequest.ReadAsync(http, verifier, loggers.CreateLogger(LoggerName), allowSslCheck: true) is not { } request)
            return Results.Unauthorized();
        if (request.IsSslCheck) return Results.Ok();
        var form = request.Form();
        if (SlackSlashCommand.FromForm(form) is not { } command)
            return Results.BadRequest(new { error = "A slash command needs command, user_id and channel_id." });
        return await AckAsync(http, loggers, async ct =>
        {
            await handler.AcceptAsync(command, ct);
            return Results.Ok();
        });
    }

    private static async Task<IResult> AckAsync(HttpContext http, ILoggerFactory loggers, Func<CancellationToken, Task<IResult>> ack)
    {
        var logger = loggers.CreateLogger(LoggerName);
        try
        {
            return await AckDeadline.RunAsync(http, logger, ack);
        }
        catch (SlackWorkspaceUnknownException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static int? RetryNum(HttpContext http) =>
        int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
