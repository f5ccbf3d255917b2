using System.Text;
using EngageBot.Channels;

namespace EngageBot.Features.Help;

/// <summary>
/// Answers "help", a bare "/engagebot" and a command word nobody handles, privately to the asker, with the commands
/// they may use: partner-side people see what they can do in their shared channel, our people see everything.
/// Without it a mistyped slash command would be acked by Slack and then answered by silence.
/// </summary>
public sealed class HelpCommandHandler(IOutbox outbox, ChatPlatforms platforms) : IChatEventHandler
{
    private static readonly (string Word, string Usage, bool ForPartners)[] Commands =
    [
        (BotCommands.Tickets, "tickets [PARTNER]: open tickets (yours, or a partner's; partners see their own)", true),
        (BotCommands.Ticket, "ticket ID: one ticket's details", true),
        (BotCommands.Concern, "concern TEXT: raise a concern about this channel's partner, or a joint customer", true),
        (BotCommands.Assign, "assign ID: take a ticket yourself", false),
        (BotCommands.Waiting, "waiting ID: mark a ticket waiting on the partner", false),
        (BotCommands.Urgent, "urgent ID: make a ticket urgent", false),
        (BotCommands.Resolve, "resolve ID: resolve a ticket", false),
        (BotCommands.Close, "close ID: close a ticket", false),
        (BotCommands.Link, "link: link this channel to a partner", false),
        (BotCommands.Feedback, "feedback [TEXT]: log partner feedback from this channel (also “Log as partner feedback” on a message)", false),
        (BotCommands.Digest, "digest [WEEK]: your partners' weekly digest by direct message (e.g. digest 2026-W47; default last week)", false),
        (BotCommands.Help, "help: this list", true),
    ];

    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not CommandInvoked command || command.Actor is not { } actor) return;
        var (word, _) = BotCommands.Read(command);
        var unknown = word.Length > 0 && !BotCommands.All.Contains(word);
        if (!unknown && word.Length > 0 && !word.Equals(BotCommands.Help, StringComparison.OrdinalIgnoreCase)) return;

        var text = Answer(platforms.Describe(command.Platform).CommandPrefix, actor.Kind, unknown ? word : null);
        await outbox.EnqueueAsync($"help|{command.DedupKey}", DeliveryTarget.Ephemeral(command.Conversation, actor.Id), new OutboundMessage(text), cancellationToken);
    }

    internal static string Answer(string prefix, AuthorKind asker, string? unknownWord)
    {
        var text = new StringBuilder();
        if (unknownWord is not null)
            text.Append("I don't know \"").Append(unknownWord).Append("\". ");
        text.Append("You can use:");
        foreach (var (_, usage, forPartners) in Commands)
        {
            if (asker != AuthorKind.Internal && !forPartners) continue;
            text.Append('\n').Append("• ").Append(prefix).Append(usage);
        }
        return text.ToString();
    }
}
