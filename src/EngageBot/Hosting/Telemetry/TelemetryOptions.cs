namespace EngageBot.Hosting.Telemetry;

/// <summary>
/// Bound from EngageBot:Telemetry. Export is off unless a destination is set, so an unconfigured service pays
/// nothing for tracing (no listener, no spans) on the Slack ack path.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "EngageBot:Telemetry";

    /// <summary>Application Insights; defaults to the standard APPLICATIONINSIGHTS_CONNECTION_STRING variable (set by infra/main.bicep).</summary>
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary>An OTLP collector (e.g. http://localhost:4317); defaults to the standard OTEL_EXPORTER_OTLP_ENDPOINT variable.</summary>
    public string? OtlpEndpoint { get; set; }
}
