using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EngageBot.Channels.Teams;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeTeams;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.Teams;

/// <summary>
/// One Teams world for a test class: the loopback authority (a msteams key, plus a webchat-only key published up
/// front), the fake Connector + token endpoint, a temp data directory and the host. Restart() swaps the host for a
/// new one on the same data directory.
/// </summary>
public sealed class TeamsEnvironment : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public FakeBotFrameworkAuthority Authority { get; private set; } = null!;
    public FakeBotConnector Connector { get; private set; } = null!;
    internal TeamsHost Host { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Microsoft.IdentityModel.Tokens.RsaSecurityKey WebchatOnlyKey { get; } = FakeBotFrameworkAuthority.NewKey();

    public string ServiceUrl => Connector.ServiceUrl;

    public async Task InitializeAsync()
    {
        Authority = await FakeBotFrameworkAuthority.StartAsync("msteams");
        Authority.Publish(WebchatOnlyKey, "webchat");
        Connector = await FakeBotConnector.StartAsync();
        StartHost();
    }

    public async Task RestartAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        StartHost();
    }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    internal ConversationReferenceStore References => Service<ConversationReferenceStore>();

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => PostAsync(activity, Authority.MintToken(TeamsHost.AppId, ServiceUrl));

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return await Client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Authority.DisposeAsync();
        await Connector.DisposeAsync();
        _temp.Dispose();
    }

    private void StartHost()
    {
        Host = new TeamsHost(_temp.Path, Authority.MetadataUrl, Connector.ServiceUrl);
        Client = Host.CreateClient();
    }
}
