using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Feedback.Capture;
using EngageBot.Features.Tickets.Handling;

namespace EngageBot.Channels.Playground;

/// <summary>The message actions the page offers, with the callback ids the Slack shortcuts and Teams message extensions use.</summary>
public sealed record PlaygroundMessageAction(string CallbackId, string Title, bool NeedsForm)
{
    public static IReadOnlyList<PlaygroundMessageAction> All { get; } =
    [
        new(TicketReactions.OpenTicketAction, "Open a ticket", false),
        new(ChurnSignalHandler.ConcernCallback, "Flag churn risk", false),
        new(LogFeedbackForm.Callback, "Log as partner feedback", true),
    ];
}
