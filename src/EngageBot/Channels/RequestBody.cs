using System.Buffers;

namespace EngageBot.Channels;

/// <summary>
/// Reads an inbound platform request's body whole, but never more than a cap: a larger Content-Length is refused
/// unread, and a chunked body is abandoned as soon as it passes the cap, so no caller can make us buffer more.
/// </summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        // Slack and the Bot Connector send Content-Length: read straight into a body-sized array (this runs on every event, inside the ack).
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            var filled = 0;
            while (filled < body.Length)
            {
                var read = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken);
                if (read == 0) return body[..filled];
                filled += read;
            }
            return body;
        }
        using var buffer = new MemoryStream(4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
