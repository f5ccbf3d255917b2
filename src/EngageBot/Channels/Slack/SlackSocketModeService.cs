using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.SlackApi.Events;
using EngageBot.SlackApi.Interactivity;
using EngageBot.SlackApi.SocketMode;
using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Slack;

/// <summary>
/// When EngageBot:Slack:UseSocketMode is on, receives Slack's envelopes over a WebSocket and feeds them through the
/// same intake as the HTTP endpoints. An envelope is acked only after it is stored (or routed), so nothing is lost.
/// </summary>
public sealed class SlackSocketModeService(SlackApiClient api, IServiceScopeFactory scopes, IOptions<SlackOptions> options, ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UseSocketMode || options.Value.AppToken is not { Length: > 0 } appToken) return Task.CompletedTask;
        var client = new SocketModeClient(api, appToken, loggers.CreateLogger<SocketModeClient>());
        return client.RunAsync(HandleAsync, stoppingToken);
    }

    private async Task<JsonNode?> HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is not { } payload) return null;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (envelope.Type)
        {
            case SocketModeEnvelope.EventsApi:
                if (payload.Deserialize<SlackEventEnvelope>(SlackJson.Options) is { } events)
                    await services.GetRequiredService<SlackEventIntake>().AcceptAsync(events, envelope.RetryAttempt, cancellationToken);
                return null;
            case SocketModeEnvelope.Interactive:
                return payload.Deserialize<SlackInteractionPayload>(SlackJson.Options) is { } interaction
                    ? await services.GetRequiredService<SlackInteractionHandler>().HandleAsync(interaction, cancellationToken)
                    : null;
            case SocketModeEnvelope.SlashCommands:
                var form = payload.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
                if (SlackSlashCommand.FromForm(form) is { } command)
                    await services.GetRequiredService<SlackCommandHandler>().AcceptAsync(command, cancellationToken);
                return null;
            default:
                return null;
        }
    }
}
