using System.Globalization;
using System.Text.RegularExpressions;

namespace EngageBot.Tables;

/// <summary>
/// Reads a $batch response (202 even on failure). The failing operation's inner response carries an
/// error whose message starts with the operation index ("3:The specified entity already exists.").
/// </summary>
internal static partial class TableBatchResponseParser
{
    public sealed record InnerResponse(int Status, string? ETag, string Body);

    public static IReadOnlyList<InnerResponse> Parse(string body) =>
        StatusLine().Matches(body).Select(m =>
        {
            var rest = body[(m.Index + m.Length)..];
            var next = rest.IndexOf("\r\n--", StringComparison.Ordinal);
            var part = next < 0 ? rest : rest[..next];
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = split < 0 ? part : part[..split];
            var etag = ETagHeader().Match(headers);
            return new InnerResponse(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                etag.Success ? etag.Groups[1].Value.Trim() : null,
                split < 0 ? "" : part[(split + 4)..].Trim());
        }).ToList();

    /// <summary>The failure, if any operation failed: index from the message prefix, else the part's position.</summary>
    public static TableTransactionFailedException? Failure(IReadOnlyList<InnerResponse> parts, int actionCount)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Status < 400) continue;
            var (code, message) = TableErrors.Parse(parts[i].Body);
            int? index = message is not null && IndexPrefix().Match(message) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : parts.Count == actionCount ? i : null;
            return new TableTransactionFailedException(parts[i].Status,
                $"Transaction operation {index?.ToString(CultureInfo.InvariantCulture) ?? "?"} failed with {parts[i].Status} ({code}): {message}", code, index);
        }
        return null;
    }

    [GeneratedRegex(@"HTTP/1\.1 (\d{3})[^\r\n]*")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"(?im)^ETag:\s*(.+)$")]
    private static partial Regex ETagHeader();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
