namespace EngageBot.Cards;

/// <summary>The templates in cards/ (file name without .json).</summary>
public static class CardNames
{
    public const string Ticket = "ticket";
    public const string Triage = "triage";
    public const string CheckIn = "checkin";
    public const string Feedback = "feedback";
    public const string ChurnRisk = "churn-risk";
    public const string NudgeDigest = "nudge-digest";
    public const string ExecutiveDigest = "executive-digest";
    public const string ChannelLink = "channel-link";
    public const string TicketRating = "ticket-rating";

    public static IReadOnlyCollection<string> All { get; } =
        [Ticket, Triage, CheckIn, Feedback, ChurnRisk, NudgeDigest, ExecutiveDigest, ChannelLink, TicketRating];
}
