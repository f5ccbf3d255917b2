namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>A cue found in a message, after context: whom it is about, its weight and severity there.</summary>
internal sealed record CueHit(ChurnCue Cue, int Start, int Length, string Surface, ChurnKind About, double Weight, ChurnSeverity Severity)
{
    public bool Overlaps(CueHit other) => Start < other.Start + other.Length && other.Start < Start + Length;
}
