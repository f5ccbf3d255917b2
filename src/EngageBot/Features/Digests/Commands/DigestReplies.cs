namespace EngageBot.Features.Digests.Commands;

/// <summary>What the `digest` command says when it cannot give a digest.</summary>
public static class DigestReplies
{
    public const string InternalOnly = "The partner digest is for the partner team only.";

    public const string NotInDirectory = "I can't find you in the partner directory, so I can't tell which partners are yours. Ask an admin to add your user id.";

    public const string NoPartners = "You have no partners in the directory: the digest covers the partners you own or back up (managers) or sponsor (executives).";

    public static string BadWeek(string text) => $"\"{text}\" is not an ISO week. Use digest for last week, or e.g. digest 2026-W47.";
}
