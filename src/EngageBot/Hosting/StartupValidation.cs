using Microsoft.Extensions.Options;

namespace EngageBot.Hosting;

/// <summary>Validates every options class at start-up; admin verbs skip the sections only the service needs.</summary>
internal static class StartupValidation
{
    public static void Validate(IServiceProvider services, bool forService)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (!forService)
        {
            var serviceOnly = services.GetServices<ServiceOnlyOptions>().ToList();
            var remaining = Failures(e).Where(f => !serviceOnly.Any(s => Concerns(f, s))).ToList();
            if (remaining.Count > 0)
                throw remaining.Count == 1 ? remaining[0] : new AggregateException(remaining);
        }
    }

    private static IEnumerable<Exception> Failures(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Failures) : [e];

    // A validation failure names its options type; a binding failure names the key it could not convert.
    private static bool Concerns(Exception failure, ServiceOnlyOptions options) => failure switch
    {
        OptionsValidationException v => v.OptionsType == options.OptionsType,
        InvalidOperationException i => i.Message.Contains($"'{options.Section}:", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
