using Azure.Core;

namespace EngageBot.BotFramework.Authentication;

/// <summary>
/// The bearer token for Connector calls (scope https://api.botframework.com/.default); caching is the credential's job.
/// The credential is built on first use, so a host without a bot configured never needs one.
/// </summary>
public sealed class BotTokenProvider(Func<TokenCredential> credentialFactory)
{
    private static readonly TokenRequestContext Context = new([AuthenticationConstants.ToChannelFromBotOAuthScope]);
    private readonly Lazy<TokenCredential> _credential = new(credentialFactory);

    public BotTokenProvider(TokenCredential credential) : this(() => credential) { }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default) =>
        (await _credential.Value.GetTokenAsync(Context, cancellationToken)).Token;
}
