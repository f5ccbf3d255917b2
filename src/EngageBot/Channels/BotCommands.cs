namespace EngageBot.Channels;

/// <summary>
/// The command words the bot answers on every platform: Slack's "/engagebot WORD …" and global shortcuts, and a Teams
/// message addressed to the bot that starts with WORD (Teams has no slash commands). Features match on these, the Teams
/// mapper recognises them and the Teams manifest's command menu lists them, so one list keeps all three in step.
/// </summary>
public static class BotCommands
{
    public const string Tickets = "tickets";
    public const string Ticket = "ticket";
    public const string Resolve = "resolve";
    public const string Waiting = "waiting";
    public const string Urgent = "urgent";
    public const string Assign = "assign";
    public const string Close = "close";
    public const string Concern = "concern";
    public const string Link = "link";
    public const string Feedback = "feedback";
    public const string Digest = "digest";
    public const string Help = "help";

    /// <summary>The Slack slash command that carries the word as its first argument.</summary>
    public const string SlashCommand = "/engagebot";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { Tickets, Ticket, Resolve, Waiting, Urgent, Assign, Close, Concern, Link, Feedback, Digest, Help };

    /// <summary>"/engagebot tickets acme" (Slack) and "tickets acme" (Teams, shortcuts) both read as ("tickets", "acme").</summary>
    public static (string Word, string Arguments) Read(CommandInvoked command)
    {
        var name = command.Command.Trim();
        var text = name.Equals(SlashCommand, StringComparison.OrdinalIgnoreCase) || name.Equals(SlashCommand[1..], StringComparison.OrdinalIgnoreCase)
            ? command.Arguments.Trim()
            : $"{name.TrimStart('/')} {command.Arguments}".Trim();
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : "");
    }
}
