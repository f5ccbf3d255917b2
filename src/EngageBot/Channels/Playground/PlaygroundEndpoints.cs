using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EngageBot.Channels.Playground;

/// <summary>
/// /playground: the page, its assets, its JSON API and its live stream (server-sent events). Mapped only when the
/// playground is on; bad requests get 400 with a sentence saying what is wrong.
/// </summary>
public static class PlaygroundEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static IEndpointRouteBuilder MapPlaygroundEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/playground", () => PlaygroundAssets.Serve("index.html"));
        app.MapGet("/playground/assets/{*file}", (string file) => PlaygroundAssets.Serve(file));
        var api = app.MapGroup("/playground/api").DisableAntiforgery();
        api.MapGet("/state", StateAsync);
        api.MapGet("/events", EventsAsync);
        api.MapPost("/messages", (PostRequest r, PlaygroundIntake intake, CancellationToken ct) =>
            Run(async () => await intake.PostAsync(Need(r.UserId), Need(r.ChannelId), r.ThreadId, Need(r.Text), ct)));
        api.MapPost("/reactions", (ReactRequest r, PlaygroundIntake intake, CancellationToken ct) =>
            Run(async () => { await intake.ReactAsync(Need(r.UserId), Need(r.ChannelId), Need(r.MessageId), Need(r.Reaction), r.Added ?? true, ct); return new { ok = true }; }));
        api.MapPost("/cards", (CardRequest r, PlaygroundIntake intake, CancellationToken ct) =>
            Run(async () => await intake.ActAsync(Need(r.UserId), Need(r.ChannelId), Need(r.MessageId), Need(r.Verb), r.Data ?? [], ct)));
        api.MapPost("/message-actions", (MessageActionRequest r, PlaygroundIntake intake, CancellationToken ct) =>
            Run(async () => await intake.MessageActionAsync(Need(r.UserId), Need(r.ChannelId), Need(r.MessageId), Need(r.CallbackId), ct) is { } form
                ? (object)form : new { queued = true }));
        api.MapPost("/forms", (FormRequest r, PlaygroundIntake intake, CancellationToken ct) =>
            Run(async () => await intake.SubmitFormAsync(Need(r.UserId), Need(r.ChannelId), r.ThreadId, Need(r.Verb), r.Data ?? [], ct)));
        api.MapPost("/clock", (ClockRequest r, PlaygroundTimeControl clock, CancellationToken ct) =>
            Run(async () => new { now = await clock.AdvanceAsync(TimeSpan.FromMinutes(r.Minutes ?? 0), ct) }));
        return app;
    }

    private static async Task<IResult> StateAsync(PlaygroundWorld world, PlaygroundTranscript transcript, PlaygroundIntake intake, TimeProvider time, CancellationToken ct) =>
        Results.Json(new
        {
            now = time.GetUtcNow(),
            users = await world.UsersAsync(ct),
            conversations = await world.ConversationsAsync(ct),
            messages = transcript.Messages,
            messageActions = intake.MessageActions(),
            reactions = PlaygroundReactions.All,
        }, Json);

    private static async Task EventsAsync(HttpContext http, PlaygroundTranscript transcript, CancellationToken ct)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync(": connected\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            await foreach (var change in transcript.ListenAsync(ct))
            {
                await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(change, Json)}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private static async Task<IResult> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return Results.Json(await action(), Json);
        }
        catch (PlaygroundException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }
    }

    private static string Need(string? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        string.IsNullOrWhiteSpace(value) ? throw new PlaygroundException($"'{name?.Split('.').Last()}' is required.") : value;

    private sealed record PostRequest(string? UserId, string? ChannelId, string? ThreadId, string? Text);
    private sealed record ReactRequest(string? UserId, string? ChannelId, string? MessageId, string? Reaction, bool? Added);
    private sealed record CardRequest(string? UserId, string? ChannelId, string? MessageId, string? Verb, JsonObject? Data);
    private sealed record MessageActionRequest(string? UserId, string? ChannelId, string? MessageId, string? CallbackId);
    private sealed record FormRequest(string? UserId, string? ChannelId, string? ThreadId, string? Verb, JsonObject? Data);
    private sealed record ClockRequest(double? Minutes);
}
