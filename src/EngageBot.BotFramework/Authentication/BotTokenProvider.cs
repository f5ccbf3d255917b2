using Azure.Core;

namespace EngageBot.BotFramework.Authentication;

/// <summary>The bearer token for Connector calls (scope https://api.botframework.com/.default); caching is the credential's job.</summary>
public sealed class BotTokenProvider(TokenCredential credential)
{
    private static readonly TokenRequestContext Context = new([AuthenticationConstants.ToChannelFromBotOAuthScope]);

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default) =>
        (await credential.GetTokenAsync(Context, cancellationToken)).Token;
}
