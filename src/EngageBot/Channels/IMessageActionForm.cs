using System.Text.Json.Nodes;

namespace EngageBot.Channels;

/// <summary>
/// A message action that opens a form at once (Slack: a modal opened with the shortcut's trigger id, valid for 3 s;
/// Teams: the message extension's fetchTask dialog, which must come back in the invoke response). The adapter asks the
/// feature for the form synchronously instead of queueing the action; the form's submission comes back as a
/// <see cref="CardActionInvoked"/> with <see cref="MessageActionForm.SubmitVerb"/>, routed to that verb's card-action handler.
/// </summary>
public interface IMessageActionForm
{
    /// <summary>The Slack message shortcut callback_id and Teams message extension command id this form answers.</summary>
    string CallbackId { get; }

    Task<MessageActionForm> OpenAsync(MessageActionInvoked action, CancellationToken cancellationToken);
}

/// <summary>
/// The form to show (an expanded Adaptive Card whose submit action has <see cref="SubmitVerb"/>; <see cref="Data"/> is that
/// action's data, echoed back on submit) or, when <see cref="Card"/> is null, a message explaining why there is none.
/// </summary>
public sealed record MessageActionForm(string Title, JsonObject? Card, string SubmitVerb, JsonObject Data, string? Message = null)
{
    public static MessageActionForm Refused(string message) => new("EngageBot", null, "", [], message);
}
