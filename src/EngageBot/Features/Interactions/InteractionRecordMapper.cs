using EngageBot.Channels;
using EngageBot.Storage;

namespace EngageBot.Features.Interactions;

/// <summary>Interaction ↔ stored record. Text longer than Table Storage's 32K-character string limit is cut and flagged.</summary>
internal static class InteractionRecordMapper
{
    public const int MaxTextLength = 32_000;

    public static StorageRecord ToTimeRecord(Interaction i)
    {
        var text = i.Text;
        var truncated = text is { Length: > MaxTextLength };
        if (truncated) text = text![..MaxTextLength];
        return new(InteractionKeys.Partition(i.PartnerId), InteractionKeys.TimeRow(i), new Dictionary<string, object?>
        {
            ["Platform"] = i.Platform.ToString(),
            ["ChannelId"] = i.ChannelId,
            ["ThreadId"] = i.ThreadId,
            ["MessageId"] = i.MessageId,
            ["PartnerId"] = i.PartnerId,
            ["AuthorId"] = i.AuthorId,
            ["AuthorName"] = i.AuthorName,
            ["AuthorKind"] = i.AuthorKind.ToString(),
            ["Text"] = text,
            ["TextTruncated"] = truncated ? true : null,
            ["At"] = i.Timestamp,
            ["Kind"] = i.Kind,
            ["Direction"] = i.Direction.ToString(),
        });
    }

    /// <summary>The idempotency row: its key is the interaction's identity; it points at the time row.</summary>
    public static StorageRecord ToIdRecord(Interaction i) =>
        new(InteractionKeys.Partition(i.PartnerId), InteractionKeys.IdRow(i), new Dictionary<string, object?> { ["TimeRow"] = InteractionKeys.TimeRow(i) });

    public static Interaction FromRecord(StorageRecord r) => new(
        ChatPlatform.Parse(r.GetString("Platform")!),
        r.GetString("ChannelId") ?? "",
        r.GetString("ThreadId"),
        r.GetString("MessageId") ?? "",
        r.GetString("PartnerId"),
        r.GetString("AuthorId"),
        r.GetString("AuthorName"),
        Enum.TryParse<AuthorKind>(r.GetString("AuthorKind"), out var kind) ? kind : AuthorKind.Unknown,
        r.GetString("Text"),
        r.GetDateTime("At") ?? DateTimeOffset.MinValue,
        r.GetString("Kind") ?? "",
        Enum.TryParse<InteractionDirection>(r.GetString("Direction"), out var d) ? d : InteractionDirection.Inbound);
}
