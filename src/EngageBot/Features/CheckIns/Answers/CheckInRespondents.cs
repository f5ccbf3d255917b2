using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>
/// Who may answer a partner's check-in: partner-side users of that partner. Asked when the form would open (Slack's
/// button) and again on submit, so an internal user learns why before typing, and a forged submission is still refused.
/// </summary>
public sealed class CheckInRespondents(IPartnerDirectory directory, IDirectoryLookup lookup)
{
    /// <summary>Null when <paramref name="user"/> may answer; otherwise the private explanation to show them.</summary>
    public async Task<string?> RefusalAsync(ChatPlatform platform, ChatUser? user, string partnerId, CancellationToken ct)
    {
        if (user is { Kind: AuthorKind.Partner } && await IsOfPartnerAsync(platform, user, partnerId, ct)) return null;
        var partnerName = (await directory.GetPartnerAsync(partnerId, ct))?.Name ?? partnerId;
        return $"Only people from {partnerName} can answer this check-in: it asks for their view of working with us. Their answers go to their partner manager.";
    }

    // A partner-side user from another partner's organisation (a shared channel with several orgs) is not this partner.
    private async Task<bool> IsOfPartnerAsync(ChatPlatform platform, ChatUser user, string partnerId, CancellationToken ct) =>
        user.HomeTeamId is not { Length: > 0 } home
        || await lookup.FindPartnerIdByHomeTeamAsync(platform, home, ct) is not { } owner
        || owner == partnerId;
}
