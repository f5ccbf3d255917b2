using EngageBot.Features.Directory;
using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.Caching.Memory;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Tells our people from partners. In order: our bot and other bots → Bot; someone in the people directory → Internal;
/// a guest account of our workspace (single- or multi-channel: how partners are invited without Slack Connect), a
/// stranger, or anyone whose home team (from the event or users.info) is not our workspace → Partner; a member of our
/// workspace whom users.info confirms is no guest → Internal. Internal is never granted on the team alone: when
/// users.info cannot answer, a channel some partner linked makes the author Partner, otherwise Unknown (neither
/// side's rights). users.info answers are cached (authors repeat and the lookup sits inside Slack's 3-second ack budget).
/// </summary>
public sealed class SlackAuthorClassifier(
    SlackApiClient api, IMemoryCache cache, ILogger<SlackAuthorClassifier> logger, IDirectoryLookup? directory = null)
{
    private static readonly TimeSpan UserTtl = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FailureTtl = TimeSpan.FromMinutes(1);

    public async Task<ChatUser> ClassifyAsync(string userId, string? teamHint, string? channelId, SlackContext context, CancellationToken cancellationToken)
    {
        if (userId == context.BotUserId) return new(userId, null, AuthorKind.Bot, HomeTeamId: context.OurTeamId);

        if (directory is not null && await directory.FindPersonAsync(ChatPlatform.Slack, userId, cancellationToken) is { } person)
            return new(userId, person.Name, AuthorKind.Internal, HomeTeamId: teamHint ?? context.OurTeamId);

        var user = await LookUpAsync(userId, cancellationToken);
        var team = teamHint ?? user?.TeamId;
        var name = user?.Profile?.DisplayName is { Length: > 0 } display ? display : user?.RealName ?? user?.Name;

        if (user is { IsBot: true } || user is { IsAppUser: true }) return new(userId, name, AuthorKind.Bot, HomeTeamId: team);
        if (user is { IsStranger: true } or { IsRestricted: true } or { IsUltraRestricted: true }) return new(userId, name, AuthorKind.Partner, HomeTeamId: team);
        if (IsOtherTeam(teamHint, context) || IsOtherTeam(user?.TeamId, context)) return new(userId, name, AuthorKind.Partner, HomeTeamId: team);
        if (user is not null && team is not null) return new(userId, name, AuthorKind.Internal, HomeTeamId: team);
        if (channelId is not null && directory is not null
            && await directory.FindPartnerIdByChannelAsync(ChatPlatform.Slack, channelId, cancellationToken) is not null)
            return new(userId, name, AuthorKind.Partner, HomeTeamId: team);
        return new(userId, name, AuthorKind.Unknown, HomeTeamId: team);
    }

    private static bool IsOtherTeam(string? team, SlackContext context) => team is not null && team != context.OurTeamId;

    private async Task<SlackUser?> LookUpAsync(string userId, CancellationToken cancellationToken)
    {
        var key = "slack:user:" + userId;
        if (cache.TryGetValue(key, out SlackUser? cached)) return cached;
        SlackUser? user = null;
        try
        {
            user = (await api.UsersInfoAsync(userId, cancellationToken)).User;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Classification degrades (to the channel's partner or Unknown, never Internal) rather than failing the ack.
            logger.LogWarning("users.info for {UserId} failed: {Error}", userId, e.Message);
        }
        cache.Set(key, user, user is null ? FailureTtl : UserTtl);
        return user;
    }
}
