namespace EngageBot.Features.Nudges;

public enum NudgeReasonKind { Passive, Quiet, OnboardingCliff, MissedCheckIn, OverdueTicket }

/// <summary>Why a partner is in the nudge, said for people, with a link to where to act (<paramref name="LinkText"/> names it).</summary>
public sealed record NudgeReason(NudgeReasonKind Kind, string Text, string LinkText, string Url);
