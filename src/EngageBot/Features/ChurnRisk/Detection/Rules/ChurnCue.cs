using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>Who a cue is about: a joint customer, the partner itself, or whichever the sentence's subject says.</summary>
internal enum CueSide { Customer, Partner, Either }

/// <summary>
/// One risk cue of the lexicon. <see cref="CarriesNegation"/> marks cues whose wording already contains the
/// negation ("will not renew", "nobody answers"), so the negation scope must not flip them;
/// <see cref="CheckObject"/> marks verbs with harmless senses decided by their object ("cancel the meeting");
/// <see cref="LeansPartner"/> says whom an "either" cue is about when its sentence gives no hint ("Is anyone there?").
/// </summary>
internal sealed record ChurnCue(string Category, CueSide Side, ChurnSeverity Severity, double Weight, Regex Pattern, bool CarriesNegation = false, bool CheckObject = false, bool LeansPartner = false)
{
    // Source-generated (see ChurnLexicon): compiled speed without paying regex compilation at start-up.
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public static ChurnCue Of(string category, CueSide side, ChurnSeverity severity, double weight, Regex pattern, bool carriesNegation = false, bool checkObject = false, bool leansPartner = false) =>
        new(category, side, severity, weight, pattern, carriesNegation, checkObject, leansPartner);
}
