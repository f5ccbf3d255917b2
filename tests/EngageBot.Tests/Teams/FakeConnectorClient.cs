using EngageBot.BotFramework.Authentication;
using EngageBot.BotFramework.Connector;
using EngageBot.TestSupport.FakeTeams;

namespace EngageBot.Tests.Teams;

internal static class FakeConnectorClient
{
    /// <summary>A Connector client of a single-tenant bot whose tokens and calls both go to the loopback fake.</summary>
    public static ConnectorClient Create(FakeBotConnector connector, HttpClient http, string appId, string tenantId) =>
        new(http, new BotTokenProvider(BotCredentialFactory.Create(
            new BotCredentialOptions(BotAppType.SingleTenant, appId, "app-secret", tenantId, connector.BaseAddress))));
}
