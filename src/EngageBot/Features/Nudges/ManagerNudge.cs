using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Nudges;

/// <summary>An owner's nudge for one of their local working days; empty when nothing needs them (then no DM is sent).</summary>
/// <param name="Platform">Where most of the listed partners are: the owner is DM'd there when they are on it.</param>
public sealed record ManagerNudge(Person Owner, DateOnly Day, IReadOnlyList<PartnerNudgeLine> Partners, ChatPlatform Platform)
{
    public bool IsEmpty => Partners.Count == 0;
}
