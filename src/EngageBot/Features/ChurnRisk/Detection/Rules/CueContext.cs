using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>
/// Decides whether a matched cue really signals risk where it stands: negation and denial scopes, harmless
/// senses (the object of cancel/leave/terminate), how-to questions, hedges that lower severity, and risks the
/// message reports as already resolved.
/// </summary>
internal static partial class CueContext
{
    private static readonly HashSet<string> Negators =
    [
        "not", "never", "no", "without", "nobody", "none", "neither", "nor", "hardly", "barely",
        "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't",
        "shouldn't", "haven't", "hasn't", "hadn't", "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "cant", "havent", "hasnt",
    ];

    // Objects that give cancel/leave/terminate/downgrade/renew a routine, harmless sense.
    private static readonly HashSet<string> HarmlessObjects =
    [
        "meeting", "meetings", "invite", "invites", "invitation", "call", "calls", "sync", "syncs", "standup", "order", "orders",
        "session", "sessions", "webinar", "webinars", "demo", "demos", "appointment", "booking", "reservation", "event", "workshop",
        "training", "trainings", "trial", "request", "requests", "access", "login", "password", "instance", "instances", "server",
        "servers", "vm", "vms", "environment", "tenant", "sandbox", "endpoint", "webhook", "connection", "certificate", "certificates",
        "cert", "ssl", "tls", "job", "jobs", "process", "ticket", "tickets", "comment", "comments", "note", "notes", "message",
        "messages", "voicemail", "feedback", "review", "vacation", "holiday", "holidays", "pto", "office", "early", "running", "open",
        "duplicate", "test", "staging", "build", "deployment", "migration", "setup", "onboarding", "rollout", "domain", "token", "key",
        "keys", "api", "upload", "import", "export", "report", "shipment", "delivery", "payment", "invoice", "po", "flight", "lunch",
        "dinner", "offsite", "channel", "thread", "page", "early", "maternity", "paternity", "parental", "sick", "leave",
    ];

    // The object of a verb ends where a new clause starts: "cancel after the data sync failed" has no object.
    private static readonly HashSet<string> ObjectEnds = ["after", "because", "since", "if", "unless", "due", "when", "until", "as", "so", "and", "or", "while", "following", "over", "once"];

    private static readonly HashSet<string> HedgeWords = ["might", "may", "could", "possibly", "perhaps", "maybe", "considering", "thinking", "probably", "potentially", "if"];

    public static string? Negator(ChurnText text, Match match, ChurnCue cue)
    {
        var denial = DenialScope().Match(text.SentenceText(match.Index));
        if (denial.Success) return denial.Value;
        // "will not renew" carries its own negation; "wasn't unhappy" still negates a cue that matched without one.
        if (cue.CarriesNegation && OwnNegation().IsMatch(match.Value)) return null;
        var before = text.WordsBefore(match.Index, 5);
        return before.LastOrDefault(w => Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal));
    }

    public static string? HarmlessObject(ChurnText text, Match match, ChurnCue cue)
    {
        if (!cue.CheckObject) return null;
        foreach (var word in text.WordsAfter(match.Index + match.Length, 5))
        {
            if (RiskObjects().IsMatch(word) || ObjectEnds.Contains(word)) return null;
            if (HarmlessObjects.Contains(word)) return word;
        }
        return text.WordsBefore(match.Index, 3).LastOrDefault(HarmlessObjects.Contains);
    }

    /// <summary>"How do I cancel…", "Is there a way to downgrade…": asking how, not reporting a risk.</summary>
    public static bool IsHowToQuestion(ChurnText text, Match match) =>
        text.IsQuestionSentence(match.Index) && HowToOpener().IsMatch(text.SentenceText(match.Index).TrimStart());

    public static bool IsHedged(ChurnText text, Match match) => text.WordsBefore(match.Index, 4).Any(HedgeWords.Contains);

    public static bool IsSoftened(ChurnText text) => Softener().IsMatch(text.Normalized);

    public static bool IsUrgent(ChurnText text) => Urgency().IsMatch(text.Normalized);

    /// <summary>A resolution reported after the cue ("…but they renewed"), not one that is only hoped for ("if this isn't resolved").</summary>
    public static string? ResolvedAfter(ChurnText text, Match match)
    {
        foreach (Match r in Resolution().Matches(text.Normalized, match.Index + match.Length))
        {
            var before = text.WordsBefore(r.Index, 5);
            if (before.Any(w => Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal) || w is "if" or "until" or "unless" or "once" or "when" or "whether" or "till"))
                continue;
            return r.Value;
        }
        return null;
    }

    [GeneratedRegex(@"\bno (?:\w+ )?(?:churn |real |immediate |actual )?risk\b|\bnot (?:at risk|a risk)\b|\bfalse alarm\b|\brumou?r (?:came|was|is) (?:from|false|wrong|untrue)|\bjust a rumou?r\b|\bnothing to worry\b|\bnot going anywhere\b", ChurnCue.Options)]
    private static partial Regex DenialScope();

    [GeneratedRegex(@"\b(?:not|never|no|nobody|none|zero|no-one|\w+n'?t)\b|\b(?:unanswered|ignor\w*|on our own|heard nothing|radio silence|ghost\w*|left on read|left hanging|is any(?:one|body))\b", ChurnCue.Options)]
    private static partial Regex OwnNegation();

    [GeneratedRegex(@"^(?:how|where|what|when|which|who|is there|are there|is it possible|can (?:i|we|you|someone)|could (?:i|we|you|someone)|do (?:you|we|i)|does|should (?:i|we)|any (?:way|tips|docs))\b", ChurnCue.Options)]
    private static partial Regex HowToOpener();

    [GeneratedRegex(@"^(?:subscriptions?|contracts?|agreements?|accounts?|licen[cs]es?|seats|plans?|renewal|partnership|program|everything|service|product|platform)$", ChurnCue.Options)]
    private static partial Regex RiskObjects();

    [GeneratedRegex(@"\b(?:not urgent|low priority|probably nothing|nothing major|nothing serious|just flagging|in passing|small thing|not a crisis|minor|slightly|a (?:little|bit|tad)|somewhat|mild)\b", ChurnCue.Options)]
    private static partial Regex Softener();

    [GeneratedRegex(@"\b(?:asap|urgent(?:ly)?|immediately|last straw|ultimatum|right away)\b", ChurnCue.Options)]
    private static partial Regex Urgency();

    [GeneratedRegex(@"\b(?:renewed|re-?signed|resolved|back on track|turned (?:it|things) around|happiest|signed (?:a|the|their) (?:\S+ )?(?:renewal|extension)|(?:they'?re|they are|is|are|everyone is) (?:now |very |really |all |fully )?(?:happy|fine|satisfied|good now))\b", ChurnCue.Options)]
    private static partial Regex Resolution();
}
