namespace EngageBot.Features.Digests.Health;

public enum HealthComponentKind { Activity, Responsiveness, Sla, Feedback, CheckIns, OpenRisks }

/// <summary>One part of a health score: 0–100, its weight in the total, and what it saw, in words.</summary>
public sealed record HealthComponent(HealthComponentKind Kind, int Score, int Weight, string Detail)
{
    /// <summary>Points of the total this component costs the partner (what "needs attention" ranks the reason by).</summary>
    public double PointsLost => Weight * (100 - Score) / 100.0;

    public string Name => Kind switch
    {
        HealthComponentKind.Sla => "SLA",
        HealthComponentKind.CheckIns => "check-ins",
        HealthComponentKind.OpenRisks => "open risks",
        var k => k.ToString().ToLowerInvariant(),
    };
}

/// <summary>A partner's health, 0 (needs help now) to 100, as of an instant, with the components it is made of.</summary>
public sealed record PartnerHealth(string PartnerId, string PartnerName, DateTimeOffset AsOf, int Score, IReadOnlyList<HealthComponent> Components)
{
    /// <summary>Scores at or above this need nothing; below it the weakest component is the reason to look.</summary>
    public const int Healthy = 80;

    public HealthComponent Weakest => Components.MaxBy(c => c.PointsLost)!;

    public string Reason => Score >= Healthy ? "healthy" : Weakest.Detail;

    /// <summary>"72 (activity 50, responsiveness 100, …)" for one-line listings.</summary>
    public string Summary => $"{Score} ({string.Join(", ", Components.Select(c => $"{c.Name} {c.Score}"))})";
}
