using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>
/// The risk cues, by category, with weights (how sure one cue alone makes us: every cue clears the 0.5 risk
/// threshold unless negated, hedged into a how-to question, or resolved). Patterns run on lower-cased text
/// with ASCII apostrophes. Competitor and leave cues need a verb of intent, so "competitor analysis" or
/// "leave a comment" never match in the first place.
/// </summary>
internal static partial class ChurnLexicon
{
    // Each cue's pattern is a source-generated regex below, named after the cue.
    private const string Neg = @"(?:not|never|won'?t|wont|don'?t|dont|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|haven'?t|hasn'?t|hadn'?t|can'?t|wouldn'?t|no longer)";
    private const string Gap = @"(?:\s+[\w'&.-]+)";
    private const string Rival =
        @"(?:(?:a|an|the|another|other|one of (?:your|the|their))\s+)?(?:(?:main|biggest|big|key|direct|cheaper|local)\s+)?" +
        @"(?:competitors?|competitor's|competing (?:vendors?|products?|platforms?|tools?|solutions?|offers?)|rivals?(?:'s)?|rival (?:platforms?|products?|vendors?|tools?)|" +
        @"(?:another|a different|a new|a cheaper) (?:vendor|provider|platform|tool|solution|product|supplier)|" +
        @"other (?:vendors?|providers?|platforms?|tools?|solutions?|products?|suppliers?)|" +
        @"(?:two|three|four|several|\d+) (?:other )?(?:vendors|providers|platforms|tools|solutions)|in-?house (?:tool|solution|build|system)|(?:their|its|an?) own (?:tool|solution|system))";

    public static IReadOnlyList<ChurnCue> All { get; } =
    [
        // Explicit loss of the contract.
        ChurnCue.Of("not renewing", CueSide.Either, ChurnSeverity.High, 0.92,
            NotRenewing(), carriesNegation: true, checkObject: true),
        ChurnCue.Of("non-renewal", CueSide.Either, ChurnSeverity.High, 0.92, NonRenewal()),
        ChurnCue.Of("churn", CueSide.Customer, ChurnSeverity.High, 0.9,
            Churn()),
        ChurnCue.Of("at risk", CueSide.Either, ChurnSeverity.Medium, 0.72,
            AtRisk()),
        ChurnCue.Of("cancel", CueSide.Either, ChurnSeverity.High, 0.86, Cancel(), checkObject: true),
        ChurnCue.Of("termination terms", CueSide.Either, ChurnSeverity.High, 0.9,
            TerminationTerms()),
        ChurnCue.Of("terminate", CueSide.Either, ChurnSeverity.High, 0.88,
            Terminate(), checkObject: true),
        ChurnCue.Of("walking away", CueSide.Either, ChurnSeverity.High, 0.86,
            WalkingAway()),
        ChurnCue.Of("leaving", CueSide.Either, ChurnSeverity.High, 0.86,
            Leaving(),
            checkObject: true),
        ChurnCue.Of("moving to a competitor", CueSide.Either, ChurnSeverity.High, 0.88,
            MovingToACompetitor()),
        ChurnCue.Of("switching providers", CueSide.Either, ChurnSeverity.Medium, 0.78,
            SwitchingProviders()),
        // Evaluation of alternatives.
        ChurnCue.Of("evaluating a competitor", CueSide.Either, ChurnSeverity.Medium, 0.78,
            EvaluatingACompetitor()),
        ChurnCue.Of("RFP", CueSide.Customer, ChurnSeverity.Medium, 0.75,
            RFP()),
        // Shrinking.
        ChurnCue.Of("downgrade", CueSide.Customer, ChurnSeverity.Medium, 0.76,
            Downgrade(),
            checkObject: true),
        ChurnCue.Of("budget cuts", CueSide.Customer, ChurnSeverity.Medium, 0.72,
            BudgetCuts()),
        // Unhappiness and escalation.
        ChurnCue.Of("unhappy", CueSide.Either, ChurnSeverity.Medium, 0.74,
            Unhappy(),
            carriesNegation: true),
        ChurnCue.Of("disappointed", CueSide.Either, ChurnSeverity.Low, 0.62,
            Disappointed(),
            carriesNegation: true),
        ChurnCue.Of("reconsidering", CueSide.Either, ChurnSeverity.Medium, 0.74,
            Reconsidering(),
            carriesNegation: true, leansPartner: true),
        ChurnCue.Of("escalation", CueSide.Either, ChurnSeverity.Medium, 0.74,
            Escalation()),
        ChurnCue.Of("legal", CueSide.Customer, ChurnSeverity.High, 0.84,
            Legal()),
        // Disengagement.
        ChurnCue.Of("usage dropped", CueSide.Customer, ChurnSeverity.Medium, 0.74,
            UsageDropped()),
        ChurnCue.Of("champion left", CueSide.Customer, ChurnSeverity.Medium, 0.72,
            ChampionLeft()),
        ChurnCue.Of("data export", CueSide.Customer, ChurnSeverity.Medium, 0.74,
            DataExport()),
        // Partner disengagement.
        ChurnCue.Of("leaving the program", CueSide.Partner, ChurnSeverity.High, 0.92,
            LeavingTheProgram()),
        ChurnCue.Of("stop reselling", CueSide.Partner, ChurnSeverity.High, 0.9,
            StopReselling()),
        ChurnCue.Of("competitor's partner program", CueSide.Partner, ChurnSeverity.Medium, 0.84,
            CompetitorSPartnerProgram()),
        ChurnCue.Of("unpaid commissions", CueSide.Partner, ChurnSeverity.Medium, 0.82,
            UnpaidCommissions(),
            carriesNegation: true),
        ChurnCue.Of("margins", CueSide.Partner, ChurnSeverity.Medium, 0.74,
            Margins(),
            carriesNegation: true),
        ChurnCue.Of("channel conflict", CueSide.Partner, ChurnSeverity.Medium, 0.8,
            ChannelConflict()),
        ChurnCue.Of("unanswered", CueSide.Either, ChurnSeverity.Medium, 0.78,
            Unanswered(),
            carriesNegation: true, leansPartner: true),
        ChurnCue.Of("enablement complaints", CueSide.Partner, ChurnSeverity.Low, 0.62,
            EnablementComplaints(),
            carriesNegation: true),
    ];

    // Between the negation and the verb only words of intent or an article ("won't be renewing", "not planning to
    // renew the"), so "not disputing the renewal" or "no issue with the renewal" never reads as a refusal to renew.
    private const string RenewGap = @"(?:\s+(?:be|been|going|gonna|to|planning|plan|planned|intending|intend|intends|looking|want|wanting|wants|likely|able|about|in|a|position|even|consider|considering|expecting|expected|approved|budgeted|allowed|interested|the|their|our|its|this|that))";

    [GeneratedRegex($@"\b{Neg}{RenewGap}{{0,3}}?\s+(?:renew(?:ing|al)?|extend(?:ing)?|re-?sign(?:ing)?|re-?up)\b", ChurnCue.Options)]
    private static partial Regex NotRenewing();

    [GeneratedRegex(@"\bnon[- ]?renew\w*", ChurnCue.Options)]
    private static partial Regex NonRenewal();

    [GeneratedRegex(@"\b(?:will|going to|gonna|about to|plans? to|planning to|decided to|wants? to|threaten\w* to|likely to)\s+churn\b|\bchurn(?:ing|ed)\b(?!\s+(?:report|rate|analysis|dashboard|metric))", ChurnCue.Options)]
    private static partial Regex Churn();

    [GeneratedRegex(@"\b(?:churn|flight|attrition|renewal|cancellation) risk\b|\b(?:is|are|at|'s|looks?|seems?) (?:\w+ )?at risk\b|\brisk of (?:churn\w*|losing|leaving|cancel\w*)", ChurnCue.Options)]
    private static partial Regex AtRisk();

    [GeneratedRegex(@"\bcanc(?:el|le)(?:l?ing|l?ed|s|lations?)?\b", ChurnCue.Options)]
    private static partial Regex Cancel();

    [GeneratedRegex(@"\b(?:termination|cancellation|exit|break) (?:notice|terms|fees?|clause|letter|process|options)\b|\bearly termination\b|\bnotice of (?:termination|cancellation|non-?renewal)\b|\bgave (?:us )?(?:their )?(?:\w+ )?(?:days'? |weeks'? |months'? )?notice\b|\bformal notice\b|\bgiving notice\b", ChurnCue.Options)]
    private static partial Regex TerminationTerms();

    [GeneratedRegex(@"\b(?:terminat\w*|end(?:ing)?|exit(?:ing)?|break(?:ing)?|get(?:ting)? out of|wants? out of|out of)\s+(?:the |their |our |this |its |my |your )?(?:\w+ )?(?:contract|subscription|agreement|licen[cs]es?|relationship|partnership|account)\b", ChurnCue.Options)]
    private static partial Regex Terminate();

    [GeneratedRegex(@"\bpull(?:ing|ed)? the plug\b|\bwalk(?:ing|ed)? away\b|\bwants? out\b|\b(?:'ll|will|would|going to|ready to|about to|threaten\w* to|might|may) walk\b|\blast straw\b|\bpack(?:ing)? (?:it|their bags) in\b", ChurnCue.Options)]
    private static partial Regex WalkingAway();

    [GeneratedRegex(@"\b(?:wants?|wanting|plan(?:s|ning)?|going|decided|decides?|deciding|consider(?:s|ed|ing)?|thinking (?:about|of)|threaten(?:s|ed|ing)?|intends?|intending|ready|about|might|may|will|could|would|'ll|'d|talk(?:s|ing)? about)\s+(?:to\s+)?(?:leav(?:e|ing)|quit(?:ting)?|exit(?:ing)?|drop(?:ping)? (?:you|us|your product))\b|\bleav(?:e|es|ing) (?:you|your (?:product|platform|company|service))\b", ChurnCue.Options)]
    private static partial Regex Leaving();

    [GeneratedRegex($@"\b(?:switch\w*|mov(?:e|ed|es|ing)|migrat\w*|go(?:es|ing)?|went|sign(?:ed|ing)?|chose|choos\w*|select\w*|replac\w*|standardi[sz]\w*|transition\w*|shift\w*|award\w*)\b{Gap}{{0,5}}?\s+(?:to |with |for |onto |over to )?{Rival}\b", ChurnCue.Options)]
    private static partial Regex MovingToACompetitor();

    [GeneratedRegex(@"\bswitch\w* (?:providers|vendors|platforms|tools|solutions|suppliers)\b|\binstead of (?:yours|you|your (?:product|platform|tool|solution|service))\b|\bconsolidat\w* (?:vendors|tools|onto|on to|into|platforms)\b", ChurnCue.Options)]
    private static partial Regex SwitchingProviders();

    [GeneratedRegex($@"\b(?:evaluat\w*|assess\w*|look(?:s|ed|ing)? (?:at|into|for)|explor\w*|consider\w*|compar\w*|talk\w* (?:to|with)|speak\w* (?:to|with)|meet\w* with|demo\w*|pilot\w*|trial\w*|test\w*|shop\w*(?: around)?(?: for)?|(?:ask\w*|enquir\w*|inquir\w*) about|quotes? from|proposals? from|offers? from|benchmark\w*|bake-?off)\b{Gap}{{0,6}}?\s+(?:{Rival}|alternatives?|(?:other )?options)\b", ChurnCue.Options)]
    private static partial Regex EvaluatingACompetitor();

    [GeneratedRegex(@"\b(?:running|run|issued?|launch\w*|put(?:ting)? out|going out to|sent out|started)\s+(?:an? |their )?(?:rfp|request for proposals?|tender)\b|\b(?:rfp|tender) for (?:this|the|their) (?:category|renewal|contract|space)\b|\bcompetitive (?:review|bid|tender|process|evaluation)\b|\bprice[- ]match\b|\baggressive offer\b", ChurnCue.Options)]
    private static partial Regex RFP();

    [GeneratedRegex($@"\bdowngrad\w*|\b(?:cut\w*|reduc\w*|drop\w*|lower\w*|decreas\w*|shrink\w*|scal\w* (?:back|down)|trim\w*)\b{Gap}{{0,5}}?\s+(?:seats|licen[cs]es|users|subscriptions?|tiers?|plans?|contracts?|footprint)\b|\bfewer (?:seats|licen[cs]es|users)\b|\bdrop to (?:a |the )?(?:basic|lower|cheaper|free|standard|starter)\b", ChurnCue.Options)]
    private static partial Regex Downgrade();

    [GeneratedRegex(@"\bbudget\w*\b(?:\s+\w+){0,2}?\s+(?:cut|cuts|slashed|frozen|freeze|reduced)\b|\bbudget freeze\b|\bcost[- ]cutting\b|\bcut(?:ting)? (?:tools|vendors|costs|spend)\b|\breview\w* (?:all )?(?:their |its )?(?:\w+ )?(?:spend|vendors|subscriptions)\b", ChurnCue.Options)]
    private static partial Regex BudgetCuts();

    [GeneratedRegex(@"\b(?:unhappy|upset|frustr?at\w*|frustat\w*|angry|furious|livid|annoyed|irritated|fed up|(?:not|isn'?t|aren'?t|wasn'?t) (?:\w+ )?(?:happy|satisfied|pleased)|dissatisfied|unsatisfied|complain\w*|fuming|losing (?:patience|faith|trust)|lost (?:confidence|faith|trust|patience)|had enough|sick of|tired of)\b", ChurnCue.Options)]
    private static partial Regex Unhappy();

    [GeneratedRegex(@"\b(?:disappoint\w*|underwhelm\w*|grumbl\w*|(?:not|isn'?t|aren'?t) (?:thrilled|impressed|excited)|unimpressed|lukewarm|minor complaints?|some complaints?|worried|nervous|concerned|grumpy|soured|cooling)\b", ChurnCue.Options)]
    private static partial Regex Disappointed();

    [GeneratedRegex(@"\breconsider\w*|\bre-?think\w*|\bsecond thoughts\b|\bon the fence\b|\bup in the air\b|\bquestion\w* (?:whether|if|the value|why)\b|\b(?:not|isn'?t|no longer) worth\b|\bwhy (?:are |they |we )*(?:are |'re )?paying for\b|\bhard(?:er)? to (?:justify|keep investing|keep going|keep selling)\b|\bworth the (?:effort|money|investment)\b", ChurnCue.Options)]
    private static partial Regex Reconsidering();

    [GeneratedRegex($@"\bescalat\w*\b{Gap}{{0,6}}?\s+(?:to|with)\s+(?:their |the |its |his |her )?(?:vp|svp|evp|ceo|cfo|coo|cio|cto|ciso|cro|board|exec\w*|leadership|management|director|head|legal|procurement|c-?level|c-?suite|vice president|president|owner)\b|\bescalated (?:again|twice|multiple times|three times)\b", ChurnCue.Options)]
    private static partial Regex Escalation();

    [GeneratedRegex(@"\blegal (?:team |counsel |department )?(?:is |are |has |have |got )?(?:now )?(?:involved|sent|looking into|reviewing the contract)\b|\b(?:lawyers?|attorneys?|lawsuit|suing|legal action)\b|\bbreach of (?:contract|sla|the sla|the contract)\b|\bthreaten\w* (?:legal|to sue)\b", ChurnCue.Options)]
    private static partial Regex Legal();

    [GeneratedRegex(@"\b(?:usage|adoption|logins?|activity|engagement|active users)\b(?:\s+[\w']+){0,4}?\s+(?:dropped|drops|dropping|declin\w*|fell|fallen|down|plummet\w*|tank\w*|off a cliff|collaps\w*|dried up)\b|\bnobody (?:there )?(?:logs|logged|is logging) in\b|\bstopped (?:using|logging in|attending|showing up)\b|\b(?:skipp\w*|miss\w*|no-?show\w*) (?:the |our |their )?(?:last |past )?(?:\w+ )?(?:qbrs?|check-?ins|business reviews|syncs)\b|\bgone (?:quiet|dark|silent)\b|\bdrifting away\b|\bdisengag\w*", ChurnCue.Options)]
    private static partial Regex UsageDropped();

    [GeneratedRegex(@"\b(?:champion|sponsor|main contact|point of contact|advocate|power user)\b(?:\s+\w+){0,2}?\s+(?:left|quit|departed|resigned|is leaving|has left|moved on)\b", ChurnCue.Options)]
    private static partial Regex ChampionLeft();

    [GeneratedRegex(@"\b(?:migrat\w*|export\w*|mov\w*|get\w*|tak\w*|pull\w*)\b(?:\s+[\w']+){0,4}?\s+(?:data|everything|records)\s+out\b|\bdata out\b|\bexport (?:all )?(?:of )?(?:their|its) data\b|\b(?:begun|began|started|starting) (?:the |their )?(?:data )?(?:export|migration)\b", ChurnCue.Options)]
    private static partial Regex DataExport();

    [GeneratedRegex(@"\b(?:leav\w*|exit\w*|quit\w*|drop\w* out of|withdraw\w* from|pull\w* out of|end\w*|terminat\w*|cancel\w*|walk\w* away from|wind\w* down)\s+(?:the |your |this |our )?(?:partner(?:ship)? |reseller |referral )?(?:program(?:me)?|partnership|reseller agreement|partner agreement)\b", ChurnCue.Options)]
    private static partial Regex LeavingTheProgram();

    [GeneratedRegex(@"\bstop(?:ping|ped)? (?:reselling|selling|promoting|recommending|referring|pushing|co-?selling)\b|\bdrop\w* to referral\b|\bpaus\w* (?:all )?co-?sell\w*|\bno longer (?:resell|sell|promot|recommend|refer)\w*|\bwind(?:ing)?[- ]down\b", ChurnCue.Options)]
    private static partial Regex StopReselling();

    [GeneratedRegex(@"\b(?:competitor'?s?|another vendor'?s?|other vendors?'?s?|rival'?s?)\s+(?:partner |reseller )?program\b|\bpartner\w* with (?:your|a|an) (?:main |biggest |direct )?(?:competitor|rival)\b|\bfocus\w* on other (?:vendors|products|platforms|brands)\b|\bonboard\w* with (?:another|a different|your) (?:vendor|competitor)\b|\bpull\w* onto the compet\w*", ChurnCue.Options)]
    private static partial Regex CompetitorSPartnerProgram();

    [GeneratedRegex($@"\b(?:commissions?|payouts?|referral fees?|rebates?|mdf|spiffs?|incentives?|margin payments?|partner payments?)\b{Gap}{{0,6}}?\s+(?:late|overdue|unpaid|outstanding|delayed|missing|(?:still )?{Neg} (?:\w+ )?(?:arrived|been paid|paid|come through|landed|received|shown up))\b|\b(?:late|overdue|unpaid|delayed|missing|outstanding)\s+(?:\w+\s+){{0,2}}?(?:commissions?|payouts?|referral fees?|rebates?)\b|\b\d+ days (?:overdue|late)\b", ChurnCue.Options)]
    private static partial Regex UnpaidCommissions();

    [GeneratedRegex(@"\bmargins? (?:on \w+ (?:\w+ )?)?(?:just )?(?:don'?t|do not|doesn'?t|aren'?t|are not|no longer|never) (?:work|justify|make sense|cover|add up)\b|\b(?:partnership|program|this) (?:isn'?t|is not|is no longer|hasn'?t been) working\b|\bnot working (?:out )?for us\b|\bleads are (?:thin|drying up)\b", ChurnCue.Options)]
    private static partial Regex Margins();

    [GeneratedRegex(@"\b(?:channel|deal) conflicts?\b|\bwent around us\b|\bgo(?:ing)? around us\b|\bcut us out\b|\bbypass\w* us\b|\b(?:your|the) (?:direct |own )?(?:sales )?(?:team|reps?|sellers|sales)\b(?:\s+[\w']+){0,6}?\s+(?:quoted|took|stole|undercut|went around|compet\w*|approached|poach\w*|sold)\b|\blost (?:\w+ )?deals? (?:because|to your)\b|\bstolen deals?\b|\b(?:deal|deal registration|registration|opportunity)\b(?:\s+[\w']+){0,8}?\s+(?:given|assigned|handed) to another partner\b|\bquoted (?:our|the) customer directly\b", ChurnCue.Options)]
    private static partial Regex ChannelConflict();

    [GeneratedRegex($@"\bno(?:body| one|-one)\b(?:\s+[\w']+){{0,4}}?\s+(?:answers?|answered|responds?|responded|replies|replied|gets back|got back|calls? back|reply|respond|answer|helps?|cares?)\b|\b(?:no|zero) (?:responses?|reply|replies|answers?|follow-?ups?)\b(?! needed)|\bheard nothing\b|\b(?:haven'?t|hasn'?t|have not|has not|didn'?t|never)\s+(?:\w+\s+)?(?:heard back|heard anything|replied|responded|answered|gotten back|got back|been answered)\b|\b(?:feel|felt|being|been|are|were|get|getting|keep getting) ignored\b|\bignor(?:e|es|ed|ing) (?:us|our)\b|\bon our own\b|\bis any(?:one|body) (?:there|here|around|listening|home)\b|\bunanswered\b|\bradio silence\b|\bghost(?:ed|ing)\b|\bleft (?:on read|hanging)\b", ChurnCue.Options)]
    private static partial Regex Unanswered();

    [GeneratedRegex(@"\b(?:portal|enablement|training|partner support|deal registration)\b(?:\s+[\w']+){0,5}?\s+(?:clunky|useless|painful|terrible|a mess|a nightmare|slow to respond)\b|\bavoids? using\b|\bkeeps? (?:getting )?(?:cancel\w*|postpon\w*|pushed|rescheduled)\b|\bstill (?:haven'?t|have not) been (?:trained|onboarded|enabled)\b", ChurnCue.Options)]
    private static partial Regex EnablementComplaints();
}
