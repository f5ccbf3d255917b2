using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.Feedback;

/// <summary>EngageBot:Feedback — when partners are asked to rate answers, and which ratings their owner hears about.</summary>
public sealed class FeedbackOptions : IValidatableObject
{
    public const string Section = "EngageBot:Feedback";

    /// <summary>Invite the asker to rate the answer when a ticket is resolved.</summary>
    public bool RatingInvitations { get; set; } = true;

    /// <summary>The share of resolved tickets (0 to 1) whose asker is invited, decided per ticket so a redelivery decides alike.</summary>
    public double RatingSampleRate { get; set; } = 0.5;

    /// <summary>After an invitation, no other one to the same partner for this long, so partners are not pestered.</summary>
    public TimeSpan RatingCooldown { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Ratings at or below this (1 to 5; 0: never) are sent to the partner's owner by direct message.</summary>
    public int LowRatingThreshold { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (double.IsNaN(RatingSampleRate) || RatingSampleRate is < 0 or > 1)
            yield return new ValidationResult($"{Section}:RatingSampleRate must be between 0 and 1 (got {RatingSampleRate}).", [nameof(RatingSampleRate)]);
        if (RatingCooldown < TimeSpan.Zero || RatingCooldown > TimeSpan.FromDays(365))
            yield return new ValidationResult($"{Section}:RatingCooldown must be between 00:00:00 and 365.00:00:00 (got {RatingCooldown}).", [nameof(RatingCooldown)]);
        if (LowRatingThreshold is < 0 or > FeedbackEntry.MaxRating)
            yield return new ValidationResult($"{Section}:LowRatingThreshold must be between 0 and 5 (got {LowRatingThreshold}).", [nameof(LowRatingThreshold)]);
    }
}
