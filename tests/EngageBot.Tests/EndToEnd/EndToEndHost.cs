using EngageBot.TestSupport.FakeSlack;
using EngageBot.TestSupport.FakeTeams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EngageBot.Tests.EndToEnd;

/// <summary>
/// The real host with every module as production wires it (SQLite, durable inbox and outbox, card router, directory),
/// only the platforms' URLs pointed at loopback fakes. Nothing is replaced in the container.
/// </summary>
internal sealed class EndToEndHost(string dataDirectory, FakeSlackServer slack, FakeBotFrameworkAuthority authority, FakeBotConnector connector)
    : WebApplicationFactory<Program>
{
    public const string SigningSecret = "e2e0c4f1a9b84d2e8f7a6b5c4d3e2f10";
    public const string OurSlackTeam = "T0OURTEAM";
    public const string BotUserId = "U0ENGAGEBOT";
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string OurTenant = "72f988bf-0000-0000-0000-000000000001";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("EngageBot:Storage:DataDirectory", dataDirectory);
        builder.UseSetting("EngageBot:Slack:SigningSecret", SigningSecret);
        builder.UseSetting("EngageBot:Slack:BotToken", "xoxb-e2e-token");
        builder.UseSetting("EngageBot:Slack:ApiBaseUrl", slack.BaseUrl.ToString());
        builder.UseSetting("EngageBot:Slack:TeamId", OurSlackTeam);
        builder.UseSetting("EngageBot:Slack:BotUserId", BotUserId);
        builder.UseSetting("EngageBot:Teams:AppId", AppId);
        builder.UseSetting("EngageBot:Teams:AppPassword", "e2e-secret");
        builder.UseSetting("EngageBot:Teams:TenantId", OurTenant);
        builder.UseSetting("EngageBot:Teams:AppType", "SingleTenant");
        builder.UseSetting("EngageBot:Teams:OpenIdMetadataUrl", authority.MetadataUrl);
        builder.UseSetting("EngageBot:Teams:TokenEndpoint", connector.ServiceUrl);
    }
}
