using Microsoft.Extensions.Options;

namespace EngageBot.Hosting;

/// <summary>Turns options failures (validation or binding) into the one line an admin needs.</summary>
internal static class ConfigurationError
{
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException v => v.Failures.FirstOrDefault() ?? v.Message,
        AggregateException a when a.InnerExceptions.Count > 0 => Describe(a.InnerExceptions[0]),
        InvalidOperationException i when i.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase) => i.Message,
        _ => null,
    };
}
