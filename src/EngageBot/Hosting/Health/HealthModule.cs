using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EngageBot.Hosting.Health;

/// <summary>
/// /healthz answers while the process serves HTTP (liveness: restart me if this fails). /readyz answers 200 only
/// when the store is reachable, the partner directory loaded and the background workers and schedulers run
/// (readiness: send me traffic). Both are cheap: a point read, a cached snapshot and in-memory flags.
/// </summary>
public static class HealthModule
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready])
            .AddCheck<DirectoryHealthCheck>("directory", tags: [Ready])
            .AddCheck<BackgroundWorkersHealthCheck>("workers", tags: [Ready])
            .AddCheck<SchedulersHealthCheck>("schedulers", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    // Names and statuses only: exception messages may carry account or host names, so they stay in the log.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
