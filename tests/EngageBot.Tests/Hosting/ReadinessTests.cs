using System.Net;
using System.Text.Json;
using EngageBot.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EngageBot.Tests.Hosting;

public sealed class ReadinessTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Readyz_is_ok_once_storage_directory_workers_and_schedulers_are_up()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("EngageBot:Storage:DataDirectory", _data.Path));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "storage", "directory", "workers", "schedulers" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_fails_without_leaking_the_connection_string_when_storage_is_unreachable_while_healthz_stays_ok()
    {
        var deadPort = FreePort.Next();
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};TableEndpoint=http://127.0.0.1:{deadPort}/{AzuriteServer.AccountName};";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("EngageBot:Storage:Provider", "AzureTables")
            .UseSetting("EngageBot:Storage:ConnectionString", connection));
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/readyz");
        using var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.DoesNotContain(AzuriteServer.AccountKey, text);
        Assert.DoesNotContain(deadPort.ToString(), text);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
