namespace EngageBot.Cards;

/// <summary>
/// The Action.Execute verbs used in cards/*.json, shared by the templates and the handlers (a test checks every verb
/// in a template is listed here). On Slack the verb is the button's action_id.
/// </summary>
public static class CardVerbs
{
    public const string TicketAssignToMe = "ticket.assignToMe";
    public const string TicketResolve = "ticket.resolve";
    public const string TicketMarkUrgent = "ticket.markUrgent";
    public const string TicketWaiting = "ticket.waiting";
    public const string ChurnAcknowledge = "churn.acknowledge";
    public const string ChurnResolve = "churn.resolve";
    public const string ChurnReassign = "churn.reassign";
    public const string CheckInSubmit = "checkin.submit";
    public const string FeedbackSubmit = "feedback.submit";
    public const string FeedbackRate = "feedback.rate";
    public const string ChannelLink = "channel.link";

    /// <summary>Slack only: the button that opens a card's inputs in a modal (inputs cannot live in Slack messages).</summary>
    public const string OpenForm = "engagebot.openForm";

    public static IReadOnlyCollection<string> All { get; } =
    [
        TicketAssignToMe, TicketResolve, TicketMarkUrgent, TicketWaiting, ChurnAcknowledge, ChurnResolve, ChurnReassign,
        CheckInSubmit, FeedbackSubmit, FeedbackRate, ChannelLink,
    ];
}
