using EngageBot.Channels;
using EngageBot.Features.Tickets.Commands;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>Turns chat events into ticket operations. Bots, including this one, never act on tickets.</summary>
public sealed class TicketEventHandler(
    ITicketPolicySource policies,
    TicketMessageHandler messages,
    TicketReactionHandler reactions,
    TicketCommandHandler commands) : IChatEventHandler
{
    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not (MessagePosted or MessageEdited or MessageDeleted or ReactionChanged { Added: true } or MessageActionInvoked or CommandInvoked))
            return;
        var actor = await TicketActor.ResolveAsync(chatEvent, policies, cancellationToken);
        // Bots' messages are only remembered (so a 🎫 on one is refused); bots never act on tickets.
        if (actor is null || (actor.IsBot && chatEvent is not MessagePosted)) return;
        switch (chatEvent)
        {
            case MessagePosted posted: await messages.OnPostedAsync(posted, actor, cancellationToken); break;
            case MessageEdited edited: await messages.OnEditedAsync(edited, actor, cancellationToken); break;
            case MessageDeleted deleted: await messages.OnDeletedAsync(deleted, actor, cancellationToken); break;
            case ReactionChanged reaction: await reactions.OnReactionAsync(reaction, actor, cancellationToken); break;
            case MessageActionInvoked action: await reactions.OnMessageActionAsync(action, actor, cancellationToken); break;
            case CommandInvoked command: await commands.OnCommandAsync(command, actor, cancellationToken); break;
        }
    }
}
