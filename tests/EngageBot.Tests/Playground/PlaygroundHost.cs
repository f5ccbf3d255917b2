using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EngageBot.Features.Directory.Import;
using EngageBot.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EngageBot.Tests.Playground;

/// <summary>The real host in an environment of the test's choosing, on its own SQLite store, with the rules churn detector (no model to load).</summary>
public sealed class PlaygroundHost(string environment, bool? enabled = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("EngageBot:Storage:DataDirectory", _data.Path);
        builder.UseSetting("EngageBot:ChurnRisk:Detection:Provider", "Rules");
        if (enabled is { } on) builder.UseSetting("EngageBot:Playground:Enabled", on ? "true" : "false");
    }

    public async Task ImportSampleDirectoryAsync() =>
        Assert.True((await Services.GetRequiredService<DirectoryImporter>().ImportAsync(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "partners.yaml")))).Succeeded);

    public async Task<JsonArray> MessagesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/playground/api/state"))!["messages"]!.AsArray();

    /// <summary>Polls the page's state until a message matches (the inbox and outbox work in the background).</summary>
    public async Task<JsonObject> WaitForAsync(HttpClient client, Func<JsonObject, bool> match, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            if ((await MessagesAsync(client)).OfType<JsonObject>().LastOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {what} in the playground: {(await MessagesAsync(client)).ToJsonString()}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
