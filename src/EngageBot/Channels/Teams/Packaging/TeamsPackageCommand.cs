using EngageBot.Cli;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Teams.Packaging;

/// <summary>`engagebot teams package --out app.zip`: the Teams app package, filled from configuration, ready to upload.</summary>
internal sealed class TeamsPackageCommand(IOptions<TeamsOptions> teams, IConfiguration configuration) : ICliCommand
{
    /// <summary>manifests/teams, copied next to the executable at build time.</summary>
    private static readonly string DefaultSource = Path.Combine(AppContext.BaseDirectory, "manifests", "teams");

    public string Verb => "teams package";
    public string Usage => "--out FILE.zip [--manifest DIR]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var outPath = Argument(args, "--out");
        var source = Argument(args, "--manifest") ?? DefaultSource;
        if (outPath is null || args.Count != (Argument(args, "--manifest") is null ? 2 : 4))
        {
            await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
            return 2;
        }
        var options = configuration.GetSection(TeamsAppPackageOptions.Section).Get<TeamsAppPackageOptions>() ?? new();
        var botAppId = teams.Value.AppId;
        var problems = options.Validate(botAppId);
        if (problems.Count > 0)
        {
            foreach (var p in problems) await error.WriteLineAsync($"engagebot: {p}");
            return 1;
        }
        var template = await File.ReadAllTextAsync(Path.Combine(source, "manifest.json"), cancellationToken);
        var manifest = TeamsAppPackager.FillManifest(template, new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = options.AppId is { Length: > 0 } id ? id : botAppId!,
            ["BOT_APP_ID"] = botAppId!,
            ["BOT_DOMAIN"] = options.Domain!,
            ["COMPANY_NAME"] = options.Publisher!,
            ["WEBSITE_URL"] = options.WebsiteUrl!,
            ["PRIVACY_URL"] = options.PrivacyUrl!,
            ["TERMS_URL"] = options.TermsUrl!,
            ["APP_VERSION"] = options.Version,
        });
        await TeamsAppPackager.WriteAsync(source, manifest, Path.GetFullPath(outPath), cancellationToken);
        await output.WriteLineAsync($"wrote {Path.GetFullPath(outPath)}");
        return 0;
    }

    private static string? Argument(IReadOnlyList<string> args, string name) =>
        args.ToList().IndexOf(name) is var i and >= 0 && i + 1 < args.Count ? args[i + 1] : null;
}
