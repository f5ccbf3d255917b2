using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>
/// Decides whom an "either" cue (unhappy, reconsidering, nobody answers, terminate…) is about, from its sentence:
/// a named customer or customer words mean the customer; the program, commissions or "we" mean the partner.
/// </summary>
internal static partial class CueSideResolver
{
    public static ChurnKind Resolve(ChurnCue cue, ChurnText text, int index, IReadOnlyList<CustomerMention> mentions)
    {
        if (cue.Side == CueSide.Customer) return ChurnKind.Customer;
        if (cue.Side == CueSide.Partner) return ChurnKind.Partner;
        var range = text.SentenceAt(index);
        var sentence = text.SentenceText(index);
        if (mentions.Any(m => m.Start >= range.Start.Value && m.Start < range.End.Value)) return ChurnKind.Customer;
        if (PartnerContext().IsMatch(sentence)) return ChurnKind.Partner;
        if (CustomerContext().IsMatch(sentence)) return ChurnKind.Customer;
        if (FirstPerson().IsMatch(sentence)) return ChurnKind.Partner;
        // No "we" and no program words: a third party, i.e. a customer, unless the cue is typically the partner's own.
        return mentions.Count > 0 || !cue.LeansPartner ? ChurnKind.Customer : ChurnKind.Partner;
    }

    [GeneratedRegex(@"\b(?:partner(?:ship|s|'s)?|program(?:me)?|reseller|resell\w*|co-?sell\w*|commissions?|payouts?|referral|deal reg\w*|margins?|mdf|channel team|your (?:sales|direct|channel) (?:team|reps?))\b", ChurnCue.Options)]
    private static partial Regex PartnerContext();

    [GeneratedRegex(@"\b(?:customers?|clients?|accounts?|end users?|they|they're|theyre|their|them|its|buyer|procurement|cfo|cio|cto|ceo|coo)\b", ChurnCue.Options)]
    private static partial Regex CustomerContext();

    [GeneratedRegex(@"\b(?:we|we're|we've|we'll|our|us|i|i'm|im|my|me)\b", ChurnCue.Options)]
    private static partial Regex FirstPerson();
}
