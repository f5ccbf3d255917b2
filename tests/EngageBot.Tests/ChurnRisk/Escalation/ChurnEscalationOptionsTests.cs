using System.ComponentModel.DataAnnotations;
using EngageBot.Features.ChurnRisk.Escalation;

namespace EngageBot.Tests.ChurnRisk.Escalation;

public sealed class ChurnEscalationOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Validate(new ChurnEscalationOptions()));

    [Fact]
    public void Bad_values_are_rejected_naming_the_full_key()
    {
        var errors = Validate(new ChurnEscalationOptions
        {
            MediumAckDeadline = TimeSpan.FromDays(2),
            RepeatCount = -1,
            RepeatInterval = TimeSpan.FromSeconds(1),
            AcknowledgementText = "On it.",
        });

        Assert.Contains(errors, e => e.Contains("EngageBot:ChurnRisk:Escalation: a more severe risk", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EngageBot:ChurnRisk:Escalation:RepeatCount", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EngageBot:ChurnRisk:Escalation:RepeatInterval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EngageBot:ChurnRisk:Escalation:AcknowledgementText", StringComparison.Ordinal));
    }

    private static List<string> Validate(ChurnEscalationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
