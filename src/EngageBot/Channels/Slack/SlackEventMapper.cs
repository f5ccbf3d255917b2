using EngageBot.SlackApi.Events;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Events API payloads → neutral <see cref="ChatEvent"/>s. Null means "nothing for the features": our own bot's
/// messages (loops), channel meta subtypes, edits that change no text. New messages are keyed by channel+ts rather
/// than event_id because Slack sends both <c>message</c> and <c>app_mention</c> for one mention: whichever comes
/// first is stored, and both say MentionsBot when our bot user id is known.
/// </summary>
public sealed class SlackEventMapper(SlackAuthorClassifier authors, SlackApiClient api, SlackWorkspace workspace, TimeProvider time)
{
    private static readonly HashSet<string?> NewMessageSubtypes =
        [null, SlackMessageSubtypes.ThreadBroadcast, SlackMessageSubtypes.FileShare, SlackMessageSubtypes.MeMessage, SlackMessageSubtypes.BotMessage];

    /// <summary>Our workspace is ours, never the envelope's team_id (a partner's own install carries theirs); the bot user may come from it.</summary>
    public async Task<SlackContext> ContextOfAsync(SlackEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var ours = await workspace.GetAsync(cancellationToken);
        return ours with
        {
            BotUserId = ours.BotUserId ?? envelope.Authorizations?.FirstOrDefault(a => a.IsBot && a.TeamId == ours.OurTeamId)?.UserId,
            IsExtSharedChannel = envelope.IsExtSharedChannel ?? false,
        };
    }

    public async Task<ChatEvent?> MapAsync(SlackEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Event is not { } ev) return null;
        var context = await ContextOfAsync(envelope, cancellationToken);
        var dedup = "slack:" + (envelope.EventId ?? $"{ev.Type}:{ev.Channel ?? ev.Item?.Channel}:{ev.EventTs ?? ev.Ts}:{ev.User}");
        var at = SlackTimestamps.Parse(ev.EventTs ?? ev.Ts)
            ?? (envelope.EventTime is { } t ? DateTimeOffset.FromUnixTimeSeconds(t) : time.GetUtcNow());

        return ev.Type switch
        {
            SlackEventTypes.Message => ev.Subtype switch
            {
                SlackMessageSubtypes.MessageChanged => await EditedAsync(ev, dedup, at, context, cancellationToken),
                SlackMessageSubtypes.MessageDeleted => Deleted(ev, dedup, at),
                var s when NewMessageSubtypes.Contains(s) => await PostedAsync(ev, at, context, mention: false, cancellationToken),
                _ => null,
            },
            SlackEventTypes.AppMention => await PostedAsync(ev, at, context, mention: true, cancellationToken),
            SlackEventTypes.ReactionAdded or SlackEventTypes.ReactionRemoved => await ReactionAsync(ev, dedup, at, context, cancellationToken),
            SlackEventTypes.MemberJoinedChannel or SlackEventTypes.MemberLeftChannel => await MembershipAsync(ev, dedup, at, context, cancellationToken),
            _ => null,
        };
    }

    private async Task<ChatEvent?> PostedAsync(SlackEvent ev, DateTimeOffset at, SlackContext context, bool mention, CancellationToken ct)
    {
        if (ev.Channel is null || ev.Ts is null || IsOurs(ev, context) || ev.Hidden == true) return null;
        var conversation = Conversation(ev.Channel, ev);
        var actor = await ActorAsync(ev, ev.Channel, context, ct);
        var mentionsBot = mention || (context.BotUserId is { } bot && ev.Text?.Contains($"<@{bot}>", StringComparison.Ordinal) == true);
        return new MessagePosted($"slack:msg:{ev.Channel}:{ev.Ts}", at, conversation, actor, ev.Ts, ev.Text ?? "",
            MentionsBot: mentionsBot, IsDirect: ev.ChannelType == "im");
    }

    private async Task<ChatEvent?> EditedAsync(SlackEvent ev, string dedup, DateTimeOffset at, SlackContext context, CancellationToken ct)
    {
        // Slack also sends message_changed for unfurls and reply counts; only a text change is an edit.
        if (ev.Channel is null || ev.Message is not { Ts: { } ts } now || IsOurs(now, context)) return null;
        if (ev.PreviousMessage is { } before && before.Text == now.Text) return null;
        var actor = await ActorAsync(now, ev.Channel, context, ct);
        return new MessageEdited(dedup, at, Conversation(ev.Channel, now), actor, ts, now.Text ?? "");
    }

    private static ChatEvent? Deleted(SlackEvent ev, string dedup, DateTimeOffset at)
    {
        var ts = ev.DeletedTs ?? ev.PreviousMessage?.Ts;
        if (ev.Channel is null || ts is null) return null;
        return new MessageDeleted(dedup, at, Conversation(ev.Channel, ev.PreviousMessage ?? ev), Actor: null, ts);
    }

    private async Task<ChatEvent?> ReactionAsync(SlackEvent ev, string dedup, DateTimeOffset at, SlackContext context, CancellationToken ct)
    {
        if (ev.Item is not { Type: "message", Channel: { } channel, Ts: { } ts } || ev.User is null || ev.Reaction is null) return null;
        if (ev.User == context.BotUserId) return null;
        var actor = await authors.ClassifyAsync(ev.User, ev.UserTeam, channel, context, ct);
        return new ReactionChanged(dedup, at, new ConversationRef(ChatPlatform.Slack, channel), actor, ts, ev.Reaction,
            Added: ev.Type == SlackEventTypes.ReactionAdded);
    }

    private async Task<ChatEvent?> MembershipAsync(SlackEvent ev, string dedup, DateTimeOffset at, SlackContext context, CancellationToken ct)
    {
        if (ev.User is null || ev.Channel is null) return null;
        var joined = ev.Type == SlackEventTypes.MemberJoinedChannel;
        var conversation = new ConversationRef(ChatPlatform.Slack, ev.Channel);
        var inviter = ev.Inviter is { } i ? await authors.ClassifyAsync(i, null, ev.Channel, context, ct) : null;
        if (ev.User == context.BotUserId)
            return new BotMembershipChanged(dedup, at, conversation, inviter, joined, joined ? await ChannelNameAsync(ev.Channel, ct) : null);
        var member = await authors.ClassifyAsync(ev.User, ev.Team, ev.Channel, context, ct);
        return new MembershipChanged(dedup, at, conversation, inviter, member, joined);
    }

    private async Task<ChatUser?> ActorAsync(SlackEvent ev, string channel, SlackContext context, CancellationToken ct)
    {
        // Other bots are mapped (features may log them) but marked Bot so they never trigger tickets.
        if (ev.Subtype == SlackMessageSubtypes.BotMessage || ev.BotId is not null)
            return new ChatUser(ev.User ?? ev.BotId ?? "unknown-bot", ev.Username, AuthorKind.Bot);
        return ev.User is null ? null : await authors.ClassifyAsync(ev.User, ev.UserTeam ?? ev.Team, channel, context, ct);
    }

    private async Task<string?> ChannelNameAsync(string channel, CancellationToken ct)
    {
        try { return (await api.ConversationsInfoAsync(channel, ct)).Channel?.Name; }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested) { return null; }
    }

    private static bool IsOurs(SlackEvent ev, SlackContext context) => ev.User is not null && ev.User == context.BotUserId;

    private static ConversationRef Conversation(string channel, SlackEvent message) =>
        new(ChatPlatform.Slack, channel, message.IsThreadReply ? message.ThreadTs : null);
}
