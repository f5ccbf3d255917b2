using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EngageBot.Tests.Teams;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeTeams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace EngageBot.Tests.Tickets.EndToEnd;

/// <summary>
/// The real host with every real port against the loopback Bot Framework authority (inbound tokens) and fake Connector
/// (outbound calls); only the clock is the test's.
/// </summary>
public sealed class TicketsTeamsHost(FakeBotFrameworkAuthority authority, FakeBotConnector connector) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EngageBot:Storage:DataDirectory", _data.Path);
        builder.UseSetting("EngageBot:Teams:AppId", TeamsHost.AppId);
        builder.UseSetting("EngageBot:Teams:AppPassword", "test-secret");
        builder.UseSetting("EngageBot:Teams:TenantId", TeamsHost.TenantId);
        builder.UseSetting("EngageBot:Teams:AppType", "SingleTenant");
        builder.UseSetting("EngageBot:Teams:OpenIdMetadataUrl", authority.MetadataUrl);
        builder.UseSetting("EngageBot:Teams:TokenEndpoint", connector.ServiceUrl);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        // The host validates lifetimes against the test's clock, so the token lives around that time, not the wall clock's.
        var now = Time.GetUtcNow().UtcDateTime;
        var token = authority.MintToken(TeamsHost.AppId, connector.ServiceUrl, d => (d.IssuedAt, d.NotBefore, d.Expires) = (now, now.AddMinutes(-1), now.AddHours(1)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await CreateClient().SendAsync(request);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
