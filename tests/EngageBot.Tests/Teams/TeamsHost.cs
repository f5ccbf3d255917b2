using EngageBot.Channels;
using EngageBot.Features.Directory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace EngageBot.Tests.Teams;

/// <summary>
/// The real host with Teams configured against loopback fakes (metadata server, Connector + token endpoint) and
/// recording fakes for the ports other modules implement. Several hosts on one data directory simulate restarts.
/// </summary>
internal sealed class TeamsHost(string dataDirectory, string metadataUrl, string tokenEndpoint) : WebApplicationFactory<Program>
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";

    public RecordingInbox Inbox { get; } = new();
    public RecordingCardActionRouter Router { get; } = new();
    public FakeDirectoryLookup Directory { get; } = new();
    public RecordingOutbox Outbox { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EngageBot:Storage:DataDirectory", dataDirectory);
        builder.UseSetting("EngageBot:Teams:AppId", AppId);
        builder.UseSetting("EngageBot:Teams:AppPassword", "test-secret");
        builder.UseSetting("EngageBot:Teams:TenantId", TenantId);
        builder.UseSetting("EngageBot:Teams:AppType", "SingleTenant");
        builder.UseSetting("EngageBot:Teams:OpenIdMetadataUrl", metadataUrl);
        builder.UseSetting("EngageBot:Teams:TokenEndpoint", tokenEndpoint);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInbox>(Inbox);
            services.AddSingleton<ICardActionRouter>(Router);
            services.AddSingleton<IDirectoryLookup>(Directory);
            services.AddSingleton<IOutbox>(Outbox);
        });
    }
}
