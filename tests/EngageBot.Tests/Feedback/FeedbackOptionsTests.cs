using System.ComponentModel.DataAnnotations;
using EngageBot.Features.Feedback;

namespace EngageBot.Tests.Feedback;

public sealed class FeedbackOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new FeedbackOptions()));
    }

    [Fact]
    public void Out_of_range_values_are_rejected_with_their_full_key()
    {
        var errors = Validate(new FeedbackOptions { RatingSampleRate = 1.5, RatingCooldown = TimeSpan.FromDays(-1), LowRatingThreshold = 6 });

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("EngageBot:Feedback:RatingSampleRate must be between 0 and 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EngageBot:Feedback:RatingCooldown", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EngageBot:Feedback:LowRatingThreshold", StringComparison.Ordinal));
    }

    private static List<string> Validate(FeedbackOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
