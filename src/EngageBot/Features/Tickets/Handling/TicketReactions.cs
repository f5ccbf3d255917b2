namespace EngageBot.Features.Tickets.Handling;

/// <summary>The reactions partners and support teams already use, by their normalized (Slack) names.</summary>
public static class TicketReactions
{
    public const string OpenTicket = "ticket";          // 🎫
    public const string AssignToMe = "eyes";            // 👀
    public const string Resolve = "white_check_mark";   // ✅
    public const string MarkUrgent = "rotating_light";  // 🚨

    /// <summary>The message action (Slack shortcut callback id, Teams message extension command id) that opens a ticket.</summary>
    public const string OpenTicketAction = "open_ticket";
}
