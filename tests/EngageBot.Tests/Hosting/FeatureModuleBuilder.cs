using EngageBot.Ai;
using EngageBot.Channels;
using EngageBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.Hosting;

/// <summary>
/// A host with just storage (SQLite in <paramref name="dataDirectory"/>), the chat model port (unconfigured) and a recording outbox, for tests of one
/// feature module's registration and option validation. Settings are "Key=Value" pairs.
/// </summary>
internal static class FeatureModuleBuilder
{
    public static WebApplicationBuilder Create(string dataDirectory, params string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(p => new KeyValuePair<string, string?>(p[0], p[1]))
            .Append(new("EngageBot:Storage:DataDirectory", dataDirectory)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddAi();
        builder.Services.AddSingleton<IOutbox>(new RecordingOutbox());
        return builder;
    }
}
