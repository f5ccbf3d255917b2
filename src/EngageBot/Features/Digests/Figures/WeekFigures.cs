using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Feedback;

namespace EngageBot.Features.Digests.Figures;

/// <summary>Every figure of one week of a digest, for the partners in its scope.</summary>
public sealed record WeekFigures
{
    public required IsoWeek Week { get; init; }
    public int Partners { get; init; }
    public int ActivePartners { get; init; }
    public int PassivePartners => Partners - ActivePartners;
    public IReadOnlyList<NewPartner> NewPartners { get; init; } = [];
    public int TicketsOpened { get; init; }
    public int TicketsResolved { get; init; }
    public Attainment FirstResponseSla { get; init; } = new(0, 0);
    public Attainment ResolutionSla { get; init; } = new(0, 0);
    /// <summary>Business hours from opening to first response, of tickets first answered in the week.</summary>
    public double? MedianFirstResponseHours { get; init; }
    public double? P90FirstResponseHours { get; init; }
    public IReadOnlyDictionary<ChurnSeverity, int> NewRisks { get; init; } = new Dictionary<ChurnSeverity, int>();
    /// <summary>Risks open at the end of the week, by severity.</summary>
    public IReadOnlyDictionary<ChurnSeverity, int> OpenRisks { get; init; } = new Dictionary<ChurnSeverity, int>();
    public int UnacknowledgedRisks { get; init; }
    public int RisksSaved { get; init; }
    public int RisksLost { get; init; }
    public int FeedbackCount { get; init; }
    public int RatingCount { get; init; }
    public double? AverageRating { get; init; }
    public IReadOnlyList<CategoryCount> TopCategories { get; init; } = [];
    public IReadOnlyList<LowRatingQuote> LowRatingQuotes { get; init; } = [];
    public int CheckInsPosted { get; init; }
    public int CheckInsAnswered { get; init; }
    public double? CheckInResponseRate => CheckInsPosted == 0 ? null : (double)CheckInsAnswered / CheckInsPosted;
}

/// <summary>Met of decided; <see cref="Rate"/> is null when nothing was decided.</summary>
public sealed record Attainment(int Met, int Decided)
{
    public double? Rate => Decided == 0 ? null : (double)Met / Decided;
}

public sealed record CategoryCount(FeedbackCategory Category, int Count);

/// <summary>A partner onboarded in the week, and how far it got.</summary>
public sealed record NewPartner(string PartnerId, string Name, OnboardingState State);

/// <summary>No shared channel yet; a channel but no partner-side activity yet; active.</summary>
public enum OnboardingState { NoChannel, Quiet, Active }

/// <summary>A low rating's words, attributed to the partner company only (never the person: executives read these).</summary>
public sealed record LowRatingQuote(string PartnerName, int Rating, string Text);
