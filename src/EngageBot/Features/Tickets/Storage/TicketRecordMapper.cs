using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Storage;

namespace EngageBot.Features.Tickets.Storage;

/// <summary>Ticket state ↔ records. The state is one JSON property (bounded: question parts are capped and truncated).</summary>
public static class TicketRecordMapper
{
    public const string TicketRow = "ticket";
    public const string AuditPrefix = "audit|";
    public const string MessagePrefix = "msg|";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static StorageRecord ToRecord(Ticket ticket) => new(ticket.Id, TicketRow, new Dictionary<string, object?>
    {
        ["State"] = JsonSerializer.Serialize(ticket, Json),
        ["PartnerId"] = ticket.PartnerId,
        ["Status"] = ticket.Status.ToString(),
    }, ticket.ETag);

    public static Ticket FromRecord(StorageRecord record)
    {
        var ticket = JsonSerializer.Deserialize<Ticket>(record.GetString("State") ?? throw new InvalidDataException($"Ticket {record.PartitionKey} has no state."), Json)
            ?? throw new InvalidDataException($"Ticket {record.PartitionKey} has empty state.");
        ticket.ETag = record.ETag;
        return ticket;
    }

    public static StorageRecord ToRecord(string ticketId, TicketAuditEntry e) => new(ticketId, $"{AuditPrefix}{e.Sequence:D6}", new Dictionary<string, object?>
    {
        ["At"] = e.At,
        ["Action"] = e.Action,
        ["From"] = e.From.ToString(),
        ["To"] = e.To.ToString(),
        ["ActorId"] = e.ActorId,
        ["ActorName"] = e.ActorName,
        ["Detail"] = e.Detail,
    });

    public static TicketAuditEntry AuditFromRecord(StorageRecord r) => new(
        int.Parse(r.RowKey[AuditPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture),
        r.GetDateTime("At") ?? default,
        r.GetString("Action") ?? "",
        Enum.Parse<TicketStatus>(r.GetString("From") ?? nameof(TicketStatus.Open)),
        Enum.Parse<TicketStatus>(r.GetString("To") ?? nameof(TicketStatus.Open)),
        r.GetString("ActorId"),
        r.GetString("ActorName"),
        r.GetString("Detail"));

    public static StorageRecord ToRecord(string ticketId, LinkedMessage m) => new(ticketId, MessagePrefix + TicketKeys.Escape(m.MessageId), new Dictionary<string, object?>
    {
        ["MessageId"] = m.MessageId,
        ["AuthorId"] = m.AuthorId,
        ["AuthorKind"] = m.AuthorKind.ToString(),
        ["At"] = m.At,
    });

    public static LinkedMessage MessageFromRecord(StorageRecord r) => new(
        r.GetString("MessageId") ?? "",
        r.GetString("AuthorId"),
        Enum.TryParse<AuthorKind>(r.GetString("AuthorKind"), out var k) ? k : AuthorKind.Unknown,
        r.GetDateTime("At") ?? default);
}
