namespace EngageBot.Channels.Slack;

/// <summary>
/// Global shortcuts (type "shortcut" in manifests/slack/manifest.yaml) by callback_id → the command word a slash command
/// would carry, so features answer "My tickets" from the shortcut menu exactly as "/engagebot tickets".
/// A callback_id without an entry reaches features under its own name. A test keeps the manifest in step.
/// </summary>
public static class SlackGlobalShortcuts
{
    public static IReadOnlyDictionary<string, string> Commands { get; } = new Dictionary<string, string>
    {
        ["my_tickets"] = BotCommands.Tickets,
    };

    public static string CommandFor(string callbackId) => Commands.GetValueOrDefault(callbackId, callbackId);
}
