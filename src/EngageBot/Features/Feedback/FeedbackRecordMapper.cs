using EngageBot.Channels;
using EngageBot.Storage;

namespace EngageBot.Features.Feedback;

/// <summary>FeedbackEntry ↔ stored record. Text beyond Table Storage's 32K-character string limit is cut.</summary>
internal static class FeedbackRecordMapper
{
    public const int MaxTextLength = 32_000;

    public static StorageRecord ToTimeRecord(FeedbackEntry e)
    {
        var properties = new Dictionary<string, object?>
        {
            ["Id"] = e.Id,
            ["PartnerId"] = e.PartnerId,
            ["Source"] = e.Source.ToString(),
            ["SourceId"] = e.SourceId,
            ["Rating"] = e.Rating,
            ["Category"] = e.Category?.ToString(),
            ["Text"] = e.Text.Length > MaxTextLength ? e.Text[..MaxTextLength] : e.Text,
            ["CreatedAt"] = e.CreatedAt,
        };
        Person(properties, "Author", e.Author);
        Person(properties, "LoggedBy", e.LoggedBy);
        if (e.SourceMessage is { } m)
        {
            properties["MessagePlatform"] = m.Conversation.Platform.ToString();
            properties["MessageChannelId"] = m.Conversation.ChannelId;
            properties["MessageThreadId"] = m.Conversation.ThreadId;
            properties["MessageId"] = m.MessageId;
        }
        return new(FeedbackKeys.Partition(e.PartnerId), FeedbackKeys.TimeRow(e), properties);
    }

    /// <summary>The idempotency row: keyed by the entry's id, pointing at its time row.</summary>
    public static StorageRecord ToIdRecord(FeedbackEntry e) =>
        new(FeedbackKeys.Partition(e.PartnerId), FeedbackKeys.IdRow(e.Id), new Dictionary<string, object?> { ["TimeRow"] = FeedbackKeys.TimeRow(e) });

    public static FeedbackEntry FromRecord(StorageRecord r) => new(
        r.GetString("Id") ?? "",
        r.GetString("PartnerId") ?? "",
        Enum.Parse<FeedbackSource>(r.GetString("Source")!),
        r.GetString("SourceId") ?? "",
        (int?)r.GetInt64("Rating"),
        Enum.TryParse<FeedbackCategory>(r.GetString("Category"), out var category) ? category : null,
        r.GetString("Text") ?? "",
        ReadPerson(r, "Author"),
        ReadPerson(r, "LoggedBy"),
        r.GetDateTime("CreatedAt") ?? DateTimeOffset.MinValue,
        ChatPlatform.TryParse(r.GetString("MessagePlatform"), out var platform) && r.GetString("MessageId") is { } messageId
            ? new MessageRef(new ConversationRef(platform, r.GetString("MessageChannelId") ?? "", r.GetString("MessageThreadId")), messageId)
            : null);

    private static void Person(Dictionary<string, object?> properties, string prefix, FeedbackPerson? person)
    {
        if (person is null) return;
        properties[prefix + "Platform"] = person.Platform.ToString();
        properties[prefix + "Id"] = person.UserId;
        properties[prefix + "Name"] = person.DisplayName;
    }

    private static FeedbackPerson? ReadPerson(StorageRecord r, string prefix) =>
        ChatPlatform.TryParse(r.GetString(prefix + "Platform"), out var platform) && r.GetString(prefix + "Id") is { } id
            ? new FeedbackPerson(platform, id, r.GetString(prefix + "Name"))
            : null;
}
