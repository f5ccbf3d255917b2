namespace EngageBot.Tables;

/// <summary>
/// Parses storage connection strings: AccountName/AccountKey with TableEndpoint or
/// DefaultEndpointsProtocol + EndpointSuffix, and UseDevelopmentStorage=true (Azurite's well-known account).
/// </summary>
public sealed record TableConnectionString(Uri Endpoint, TableSharedKeyCredential Credential)
{
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnectionString Parse(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=');
            if (eq <= 0) throw new FormatException("The connection string has a segment without 'Key=Value'.");
            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            var endpoint = new UriBuilder(proxy) { Port = 10002, Path = DevelopmentAccountName }.Uri;
            return new(endpoint, new TableSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
        }

        if (!parts.TryGetValue("AccountName", out var account) || !parts.TryGetValue("AccountKey", out var key))
            throw new FormatException("The connection string needs AccountName and AccountKey (or UseDevelopmentStorage=true).");

        Uri tableEndpoint;
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out tableEndpoint!))
                throw new FormatException("TableEndpoint in the connection string is not an absolute URL.");
        }
        else
        {
            var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            tableEndpoint = new Uri($"{protocol}://{account}.table.{suffix}");
        }
        return new(tableEndpoint, new TableSharedKeyCredential(account, key));
    }
}
