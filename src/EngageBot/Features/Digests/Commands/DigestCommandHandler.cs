using EngageBot.Channels;
using EngageBot.Features.Digests.Delivery;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Linking;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Digests.Commands;

/// <summary>
/// "digest [WEEK]" (Slack: /engagebot digest; Teams: @EngageBot digest): the asker's own digest, on demand, by direct
/// message — never into the channel, which partners may share. Partner-side people are refused, and an internal person
/// gets only the partners the directory gives them (see <see cref="DigestScope"/>).
/// </summary>
public sealed class DigestCommandHandler(IPartnerDirectory directory, DigestMessages messages, IOutbox outbox, IOptions<DigestOptions> options, TimeProvider time)
    : IChatEventHandler
{
    public const string Word = BotCommands.Digest;

    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not CommandInvoked command || command.Actor is not { } actor) return;
        var (word, arguments) = BotCommands.Read(command);
        if (!word.Equals(Word, StringComparison.OrdinalIgnoreCase)) return;
        var reply = await AnswerAsync(command, actor, arguments.Trim(), cancellationToken);
        await outbox.EnqueueAsync($"digest.command:{command.DedupKey}", DeliveryTarget.Ephemeral(command.Conversation, actor.Id), new OutboundMessage(reply), cancellationToken);
    }

    private async Task<string> AnswerAsync(CommandInvoked command, ChatUser actor, string arguments, CancellationToken ct)
    {
        if (actor.Kind != AuthorKind.Internal) return DigestReplies.InternalOnly;
        var snapshot = await directory.GetSnapshotAsync(ct);
        // On Teams the directory names people by AAD object id, not by the Bot Framework user id ("29:…").
        if (PlatformIdentity.Find(snapshot, command.Platform, actor) is not { } person) return DigestReplies.NotInDirectory;
        if (DigestScope.For(snapshot, person, options.Value.ExecutiveScope) is null) return DigestReplies.NoPartners;
        var zone = DigestScope.ZoneOf(person, options.Value);
        IsoWeek week;
        if (arguments.Length == 0) week = IsoWeek.Of(time.GetUtcNow(), zone).Previous;
        else if (IsoWeek.TryParse(arguments) is { } asked) week = asked;
        else return DigestReplies.BadWeek(arguments);

        if (await messages.ComposeAsync(person, week, ct) is not { } composed) return DigestReplies.NoPartners;
        var target = DeliveryTarget.Direct(command.Platform, actor.Id);
        await outbox.EnqueueAsync($"digest.ondemand|{command.DedupKey}", target, composed.Message, ct);
        var count = composed.Digest.Current.Partners;
        return $"Sent you the digest for week {week} ({composed.Digest.Scope}, {count} partner{(count == 1 ? "" : "s")}) by direct message.";
    }
}
