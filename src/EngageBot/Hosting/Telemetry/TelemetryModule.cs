using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EngageBot.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: to Azure Monitor when an Application Insights connection string is set, to an
/// OTLP collector when an endpoint is set (both if both). The Azure Monitor distro brings its own ASP.NET Core and
/// HttpClient instrumentation; otherwise the OpenTelemetry instrumentation packages are added.
/// </summary>
public static class TelemetryModule
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var appInsights = Pick(options.ApplicationInsightsConnectionString, builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        var otlp = Pick(options.OtlpEndpoint, builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (appInsights is null && otlp is null) return builder;
        if (otlp is not null && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
            throw new InvalidOperationException($"The configuration value {TelemetryOptions.Section}:OtlpEndpoint must be an absolute URL.");

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("engagebot"))
            .WithTracing(t => t.AddSource(EngageBotTelemetry.Name))
            .WithMetrics(m => m.AddMeter(EngageBotTelemetry.Name));
        if (appInsights is not null)
            telemetry.UseAzureMonitor(o => o.ConnectionString = appInsights);
        else
            telemetry
                .WithTracing(t => t.AddAspNetCoreInstrumentation(Filter).AddHttpClientInstrumentation())
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (otlp is not null)
            telemetry
                .WithTracing(t => t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp)))
                .WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        return builder;
    }

    // Probes every few seconds are noise, not traffic.
    private static void Filter(OpenTelemetry.Instrumentation.AspNetCore.AspNetCoreTraceInstrumentationOptions o) =>
        o.Filter = context => context.Request.Path != "/healthz" && context.Request.Path != "/readyz";

    private static string? Pick(string? configured, string? standard) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : !string.IsNullOrWhiteSpace(standard) ? standard : null;
}
