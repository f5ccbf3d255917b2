namespace EngageBot.BotFramework.Authentication;

/// <summary>Sends every request to another scheme/host/port, keeping path and query: lets a fake token server stand in for Entra.</summary>
internal sealed class AuthorityRedirectHandler(Uri authority) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            var basePath = authority.AbsolutePath.TrimEnd('/');
            request.RequestUri = new UriBuilder(uri) { Scheme = authority.Scheme, Host = authority.Host, Port = authority.Port, Path = basePath + uri.AbsolutePath }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
