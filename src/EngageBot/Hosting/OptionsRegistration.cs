using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace EngageBot.Hosting;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and validates it at start-up. Options classes
    /// write their messages with the full key (e.g. "EngageBot:Slack:SigningSecret is required"), shown verbatim.
    /// <paramref name="serviceOnly"/> sections (chat platform connections) are not checked for admin verbs.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section, bool serviceOnly = false) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new KeyNamingValidator<T>(section));
        if (serviceOnly)
            services.AddSingleton(new ServiceOnlyOptions(typeof(T), section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class KeyNamingValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            var failures = results
                .Select(r => r.MemberNames.Any() && r.ErrorMessage is { } m && !m.Contains(section, StringComparison.Ordinal)
                    ? $"{section}:{r.MemberNames.First()}: {m}"
                    : r.ErrorMessage ?? "invalid")
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
