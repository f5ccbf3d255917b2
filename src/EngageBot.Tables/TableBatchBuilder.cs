using System.Text;

namespace EngageBot.Tables;

/// <summary>
/// Writes the multipart/mixed body of POST /$batch: one batch part holding one changeset, each operation a
/// full HTTP request (CRLF line ends). Table Storage applies the changeset atomically.
/// </summary>
internal static class TableBatchBuilder
{
    public static (string ContentType, byte[] Body) Build(Uri tableUri, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            sb.Append("--").Append(changeset).Append("\r\n");
            sb.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            var e = action.Entity;
            var entityUri = tableUri + TableClient.EntityPath(e.PartitionKey, e.RowKey);
            var (method, uri, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri.ToString(), null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, IfMatch(action), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUri, IfMatch(action), true),
                TableTransactionActionType.Delete => ("DELETE", entityUri, IfMatch(action), false),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
                _ => throw new ArgumentOutOfRangeException(nameof(actions)),
            };
            sb.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n");
            sb.Append("Accept: application/json;odata=minimalmetadata\r\n");
            sb.Append("DataServiceVersion: 3.0;\r\n");
            if (ifMatch is not null) sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            if (hasBody)
            {
                sb.Append("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n");
                sb.Append(Encoding.UTF8.GetString(TableEntitySerializer.Serialize(e))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }
        sb.Append("--").Append(changeset).Append("--\r\n");
        sb.Append("--").Append(batch).Append("--\r\n");
        return ("multipart/mixed; boundary=" + batch, Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static string IfMatch(TableTransactionAction action) => action.ETag == default ? "*" : action.ETag.ToString();
}
