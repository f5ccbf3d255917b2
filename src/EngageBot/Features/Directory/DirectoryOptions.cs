using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.Directory;

/// <summary>Bound from EngageBot:Directory.</summary>
public sealed class DirectoryOptions : IValidatableObject
{
    public const string Section = "EngageBot:Directory";

    /// <summary>How often a cached directory re-checks the stored version (one point read). Imports on this instance apply at once.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RefreshInterval < TimeSpan.Zero || RefreshInterval > TimeSpan.FromHours(1))
            yield return new($"{Section}:RefreshInterval must be between 00:00:00 and 01:00:00.");
    }
}
