using EngageBot.Channels;

namespace EngageBot.Features.CheckIns;

/// <summary>
/// One posted check-in: which partner and slot, where the card went (one post per linked platform), who answered, and
/// whether the one reminder went out.
/// </summary>
public sealed record CheckIn(
    string Id,
    string PartnerId,
    string Slot,
    DateTimeOffset ScheduledAt,
    DateTimeOffset PostedAt,
    IReadOnlyList<CheckInPost> Posts,
    IReadOnlyList<CheckInAnswer> Answers,
    DateTimeOffset? RemindedAt = null)
{
    public bool IsAnswered => Answers.Count > 0;

    public CheckInAnswer? AnswerBy(ChatPlatform platform, string userId) =>
        Answers.FirstOrDefault(a => a.Platform == platform && a.UserId == userId);
}

/// <summary>The check-in card in one shared channel, and the outbox key it was enqueued under (which finds the message to update).</summary>
public sealed record CheckInPost(ChatPlatform Platform, string ChannelId, string OutboxKey);

/// <summary>Who answered, when, the health score they gave, and the feedback entry holding the answer.</summary>
public sealed record CheckInAnswer(ChatPlatform Platform, string UserId, string Name, DateTimeOffset At, int Health, string FeedbackId);
