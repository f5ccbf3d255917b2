using Microsoft.Extensions.Configuration.Json;

namespace EngageBot.Hosting;

/// <summary>
/// `dotnet run` has no launch profile here, so the environment is Production, where ASP.NET Core skips user secrets;
/// the README keeps local secrets there (`dotnet user-secrets --project src/EngageBot set …`). They are added in every
/// environment, where Development has them: after the appsettings files, before environment variables and the
/// command line. On a server there is no secrets file and nothing changes.
/// </summary>
internal static class UserSecretsEverywhere
{
    public static WebApplicationBuilder AddUserSecretsInAnyEnvironment(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return builder; // already there
        var sources = builder.Configuration.Sources;
        var lastSettingsFile = sources.Select((source, index) => source is JsonConfigurationSource ? index : -1).Max();
        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(UserSecretsEverywhere).Assembly, optional: true).Sources[0];
        sources.Insert(lastSettingsFile + 1, secrets);
        return builder;
    }
}
