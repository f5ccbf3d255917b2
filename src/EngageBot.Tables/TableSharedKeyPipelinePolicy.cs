using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EngageBot.Tables;

/// <summary>
/// Signs each request with Shared Key Lite, as Azure.Data.Tables does: StringToSign = x-ms-date + "\n" +
/// "/" + account + encoded URI path (+ "?comp=" when present). On Azurite's path-style URLs the path
/// already starts with the account, so the account appears twice; that is what Azurite expects.
/// Runs per retry so every attempt carries a fresh date.
/// </summary>
internal sealed class TableSharedKeyPipelinePolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        // The wall clock on purpose: the service rejects signatures dated more than 15 minutes off real time.
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var uri = message.Request.Uri.ToUri();
        var resource = new StringBuilder("/").Append(credential.AccountName).Append(uri.AbsolutePath);
        var comp = QueryValue(uri.Query, "comp");
        if (comp is not null) resource.Append("?comp=").Append(comp);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(credential.Key, Encoding.UTF8.GetBytes(date + "\n" + resource)));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{signature}");
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq].Equals(name, StringComparison.OrdinalIgnoreCase))
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return null;
    }
}
