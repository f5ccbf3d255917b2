using System.Text.Json;
using EngageBot.Cli;
using EngageBot.Features.Digests.Health;

namespace EngageBot.Features.Directory.Cli;

/// <summary>`engagebot partners show ID [--json]`: one partner with owner names, channels, customers, SLA, calendar and health score.</summary>
public sealed class PartnersShowCommand(IPartnerDirectory directory, Channels.ChatPlatforms platforms, PartnerHealthService? health = null) : ICliCommand
{
    public string Verb => "partners show";

    public string Usage => "ID [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var ids = args.Where(a => a != "--json").ToList();
        if (ids.Count != 1 || ids[0].StartsWith('-'))
        {
            await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
            return 2;
        }
        var details = PartnerDetails.Of(await directory.GetSnapshotAsync(cancellationToken), ids[0]);
        if (details is null)
        {
            await error.WriteLineAsync($"engagebot: no partner with id '{ids[0]}' (see: engagebot partners list)");
            return 1;
        }
        if (health is not null) details = details with { Health = await health.ForAsync(details.Partner.Id, cancellationToken) };
        if (args.Contains("--json")) await output.WriteLineAsync(JsonSerializer.Serialize(details, DirectoryJson.Indented));
        else foreach (var line in details.Lines(platforms)) await output.WriteLineAsync(line);
        return 0;
    }
}
