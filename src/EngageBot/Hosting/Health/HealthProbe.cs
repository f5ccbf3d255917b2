namespace EngageBot.Hosting.Health;

/// <summary>
/// `engagebot healthcheck [URL]`: the container HEALTHCHECK. The runtime image has no curl, and building the
/// whole host for a probe every 30 s would cost more than the service's own work, so this is a bare HTTP GET.
/// </summary>
public static class HealthProbe
{
    public const string Verb = "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode) return 0;
            await Console.Error.WriteLineAsync($"engagebot: {url} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"engagebot: {url} did not answer: {e.Message}");
        }
        return 1;
    }

    // The runtime images listen on ASPNETCORE_HTTP_PORTS (8080 by default).
    private static string DefaultUrl()
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(',', ';')[0] is { Length: > 0 } p ? p : "8080";
        return $"http://127.0.0.1:{port}/healthz";
    }
}
