using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Directory;
using EngageBot.Features.Interactions;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// Where churn risks come from: partner-side messages in a linked channel (the detector), a 🚩 reaction by anyone,
/// "/engagebot concern …" and the "raise_concern" message action, and low check-in health scores. Bots never raise risks.
/// </summary>
public sealed class ChurnSignalHandler(
    ChurnRiskService risks,
    IChurnDetector detector,
    IDirectoryLookup lookup,
    IPartnerDirectory directory,
    IOutbox outbox,
    IOptions<ChurnEscalationOptions> options,
    ChatPlatforms platforms,
    TimeProvider time,
    IInteractionLog? interactions = null) : IChatEventHandler
{
    public const string FlagReaction = "triangular_flag_on_post";
    public const string ConcernCallback = "raise_concern";

    // How far back a 🚩 looks for the flagged message's text in the interaction log.
    private static readonly TimeSpan FlagLookBack = TimeSpan.FromDays(14);

    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent.Actor is null || chatEvent.Actor.Kind == AuthorKind.Bot) return;
        switch (chatEvent)
        {
            case MessagePosted { IsDirect: false } posted when posted.Actor!.Kind == AuthorKind.Partner:
                await OnMessageAsync(posted, cancellationToken);
                break;
            case ReactionChanged { Added: true, Reaction: FlagReaction } flag:
                await OnFlagAsync(flag, cancellationToken);
                break;
            case CommandInvoked command when ConcernText(command) is { } text:
                await OnConcernAsync(command, command.Conversation, null, text, cancellationToken);
                break;
            case MessageActionInvoked { CallbackId: ConcernCallback } action:
                await OnConcernAsync(action, action.Conversation, action.TargetMessageId, action.TargetText ?? "", cancellationToken);
                break;
        }
    }

    /// <summary>
    /// A check-in answered with a health score at or below the configured threshold (1–5 scale) raises a partner risk:
    /// high for 1, else medium. Returns the risk, or null when the score is healthy.
    /// </summary>
    public async Task<ChurnRisk?> RaiseFromCheckInAsync(string partnerId, int score, string? comment, string checkInId,
        string respondent, ChatPlatform platform, CancellationToken cancellationToken = default)
    {
        if (score > options.Value.CheckInRiskThreshold) return null;
        var quote = $"Check-in health score {score}/5" + (string.IsNullOrWhiteSpace(comment) ? "" : $": {comment.Trim()}");
        var evidence = new RiskEvidence(RiskSource.CheckIn, quote, respondent, time.GetUtcNow());
        return await risks.RaiseAsync(new RiskRaise($"checkin|{checkInId}", partnerId, ChurnKind.Partner, null,
            score <= 1 ? ChurnSeverity.High : ChurnSeverity.Medium, evidence, platform, $"check-in {checkInId}"), cancellationToken);
    }

    private async Task OnMessageAsync(MessagePosted posted, CancellationToken ct)
    {
        var partnerId = await lookup.FindPartnerIdByChannelAsync(posted.Platform, posted.Conversation.ChannelId, ct);
        if (partnerId is null || string.IsNullOrWhiteSpace(posted.Text)) return;
        var signal = await detector.DetectAsync(posted.Text, await CustomersAsync(partnerId, ct), ct);
        if (!signal.IsRisk) return;
        await risks.RaiseAsync(new RiskRaise(posted.DedupKey, partnerId, signal.Kind, signal.Customer, signal.Severity ?? ChurnSeverity.Medium,
            Evidence(RiskSource.Detected, posted.Text, posted.Actor!.DisplayName ?? posted.Actor.Id, posted.Timestamp, posted.Conversation, posted.MessageId, signal.Reasons),
            posted.Platform, "detector"), ct);
    }

    private async Task OnFlagAsync(ReactionChanged flag, CancellationToken ct)
    {
        var partnerId = await lookup.FindPartnerIdByChannelAsync(flag.Platform, flag.Conversation.ChannelId, ct);
        if (partnerId is null) return;
        var message = await FlaggedMessageAsync(partnerId, flag, ct);
        var text = message?.Text ?? "(flagged message)";
        var signal = message?.Text is { Length: > 0 } t ? await detector.DetectAsync(t, await CustomersAsync(partnerId, ct), ct) : null;
        var conversation = message is null ? flag.Conversation : flag.Conversation with { ThreadId = message.ThreadId };
        await risks.RaiseAsync(new RiskRaise(flag.DedupKey, partnerId,
            signal?.IsRisk == true ? signal.Kind : ChurnKind.Partner, signal?.IsRisk == true ? signal.Customer : null,
            signal?.IsRisk == true ? signal.Severity ?? ChurnSeverity.Medium : ChurnSeverity.Medium,
            Evidence(RiskSource.Reaction, text, message?.AuthorName ?? message?.AuthorId, message?.Timestamp ?? flag.Timestamp, conversation, flag.MessageId,
                [$"🚩 by {flag.Actor!.DisplayName ?? flag.Actor.Id}", .. signal?.Reasons ?? []]),
            flag.Platform, Who(flag.Actor)), ct);
    }

    private async Task OnConcernAsync(ChatEvent e, ConversationRef conversation, string? messageId, string text, CancellationToken ct)
    {
        var partnerId = await lookup.FindPartnerIdByChannelAsync(e.Platform, conversation.ChannelId, ct);
        if (partnerId is null)
        {
            await outbox.EnqueueAsync($"churn-concern|{e.DedupKey}", DeliveryTarget.Ephemeral(conversation, e.Actor!.Id),
                new OutboundMessage("Raise a concern in a partner's shared channel, so we know which partner it is about."), ct);
            return;
        }
        var signal = text.Length > 0 ? await detector.DetectAsync(text, await CustomersAsync(partnerId, ct), ct) : null;
        var risk = await risks.RaiseAsync(new RiskRaise(e.DedupKey, partnerId,
            signal?.IsRisk == true ? signal.Kind : ChurnKind.Partner, signal?.IsRisk == true ? signal.Customer : null,
            signal?.IsRisk == true ? signal.Severity ?? ChurnSeverity.Medium : ChurnSeverity.Medium,
            Evidence(messageId is null ? RiskSource.Command : RiskSource.MessageAction, text.Length > 0 ? text : "(concern raised)",
                e.Actor!.DisplayName ?? e.Actor.Id, e.Timestamp, conversation, messageId, signal?.Reasons),
            e.Platform, Who(e.Actor)), ct);
        await outbox.EnqueueAsync($"churn-concern|{e.DedupKey}", DeliveryTarget.Ephemeral(conversation, e.Actor.Id),
            new OutboundMessage(risk is null ? "Thanks, but nobody is set up to receive concerns for this partner yet." : "Thanks, your concern has been passed to the right person."), ct);
    }

    private static string? ConcernText(CommandInvoked command) =>
        BotCommands.Read(command) is var (word, arguments) && word.Equals(BotCommands.Concern, StringComparison.OrdinalIgnoreCase) ? arguments : null;

    private RiskEvidence Evidence(RiskSource source, string quote, string? author, DateTimeOffset at, ConversationRef conversation,
        string? messageId, IReadOnlyList<string>? reasons) =>
        new(source, quote, author, at, conversation, messageId,
            messageId is null ? null : platforms.ThreadLink(conversation with { ThreadId = null }, messageId), reasons);

    private static string Who(ChatUser user) => $"{user.Kind.ToString().ToLowerInvariant()}:{user.Id}";

    private async Task<IReadOnlyList<CustomerName>> CustomersAsync(string partnerId, CancellationToken ct) =>
        CustomerName.From((await directory.GetCustomersOfPartnerAsync(partnerId, ct)).Select(c => c.Name));

    private async Task<Interaction?> FlaggedMessageAsync(string partnerId, ReactionChanged flag, CancellationToken ct)
    {
        if (interactions is null) return null;
        await foreach (var i in interactions.QueryAsync(partnerId, flag.Timestamp - FlagLookBack, cancellationToken: ct))
            if (i.MessageId == flag.MessageId && i.Platform == flag.Platform && i.Direction == InteractionDirection.Inbound && i.Kind is "message" or "reply")
                return i;
        return null;
    }
}
