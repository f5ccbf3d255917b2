using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>Who may act on a churn risk, and so see its card's forms: our own people in the directory, never partner-side users or bots.</summary>
public sealed class ChurnRiskActors(IDirectoryLookup lookup, IPartnerDirectory directory)
{
    public async Task<Person?> FindAsync(ChatPlatform platform, ChatUser? user, CancellationToken ct)
    {
        if (user is null || user.Kind is AuthorKind.Partner or AuthorKind.Bot) return null;
        var summary = await lookup.FindPersonAsync(platform, user.AadObjectId ?? user.Id, ct)
            ?? (user.AadObjectId is null ? null : await lookup.FindPersonAsync(platform, user.Id, ct));
        return summary is null ? null : await directory.GetPersonAsync(summary.Id, ct);
    }
}
