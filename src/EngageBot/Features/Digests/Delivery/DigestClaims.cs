namespace EngageBot.Features.Digests.Delivery;

/// <summary>
/// How the weekly digest uses the shared claim ledger: subject = the executive's person id, key "digest|{ISO week}", so
/// each executive gets each week's digest once, whichever instance gets there first.
/// </summary>
public static class DigestClaims
{
    public const string Table = "DigestClaims";

    public static string Key(IsoWeek week) => "digest|" + week;

    public static string OutboxKey(string personId, IsoWeek week) => $"digest|{personId}|{week}";
}
