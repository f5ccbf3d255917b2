using System.Text.Json.Nodes;

namespace EngageBot.SlackApi.SocketMode;

/// <summary>
/// One Socket Mode frame. <c>hello</c> and <c>disconnect</c> manage the connection; <c>events_api</c>, <c>interactive</c>
/// and <c>slash_commands</c> carry the same payload the HTTP endpoints would receive and must be acked by envelope id.
/// </summary>
public sealed record SocketModeEnvelope
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string EventsApi = "events_api";
    public const string Interactive = "interactive";
    public const string SlashCommands = "slash_commands";

    public string Type { get; init; } = "";
    public string? EnvelopeId { get; init; }
    public JsonObject? Payload { get; init; }
    public bool AcceptsResponsePayload { get; init; }
    public int? RetryAttempt { get; init; }
    public string? RetryReason { get; init; }
    /// <summary>disconnect: why (e.g. refresh_requested, link_disabled).</summary>
    public string? Reason { get; init; }
}

/// <summary>The ack: the envelope id and, where the envelope accepts one, a response payload (e.g. view_submission errors).</summary>
public sealed record SocketModeAck(string EnvelopeId, JsonNode? Payload = null);
