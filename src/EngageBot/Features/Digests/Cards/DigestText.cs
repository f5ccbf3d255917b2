namespace EngageBot.Features.Digests.Cards;

/// <summary>A digest as plain lines, for the terminal (`digest preview`): the card's facts in the card's words.</summary>
public static class DigestText
{
    public static IEnumerable<string> Lines(Digest digest)
    {
        var (now, before) = (digest.Current, digest.Previous);
        yield return $"Partner digest, week {digest.Week} ({digest.Scope}; {digest.TimeZone}; {digest.WeekStart:u} to {digest.WeekEnd:u})";
        yield return $"  {"Active partners",-30} {now.ActivePartners} of {now.Partners} ({DigestFormat.Change(now.ActivePartners, before.ActivePartners)})";
        foreach (var (title, value) in DigestCardData.Facts(now, before))
            yield return $"  {title,-30} {value}";
        yield return "  SLA attainment, last 8 weeks (first response / resolution):";
        foreach (var w in digest.Trend)
            yield return $"    {w.Week}  {DigestFormat.Percent(w.FirstResponseSla.Rate),5} of {w.FirstResponseSla.Decided,-4} {DigestFormat.Percent(w.ResolutionSla.Rate),5} of {w.ResolutionSla.Decided}";
        if (now.NewPartners.Count > 0)
            yield return "  New partners: " + string.Join(", ", now.NewPartners.Select(n => $"{n.Name} ({n.State})"));
        foreach (var q in now.LowRatingQuotes)
            yield return $"  Low rating {q.Rating}/5 from {q.PartnerName}: “{q.Text}”";
        yield return digest.Attention.Count == 0 ? "  Every partner scores as healthy." : "  Needing attention (health, change):";
        foreach (var a in digest.Attention)
            yield return $"    {a.Health.PartnerName} ({a.Health.PartnerId}): {a.Health.Score}{(a.Change is { } c ? $" ({DigestFormat.Change(c, 0)})" : "")}, {a.Health.Reason}";
    }
}
