using System.Text.Json;
using EngageBot.Cli;

namespace EngageBot.Features.Directory.Cli;

/// <summary>`engagebot partners list [--json]`: a table for people, or the partners as the JSON array the file describes.</summary>
public sealed class PartnersListCommand(IPartnerDirectory directory) : ICliCommand
{
    public string Verb => "partners list";

    public string Usage => "[--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Any(a => a != "--json"))
        {
            await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
            return 2;
        }
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        if (args.Contains("--json"))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(snapshot.Partners, DirectoryJson.Indented));
            return 0;
        }
        if (snapshot.Partners.Count == 0)
        {
            await output.WriteLineAsync("no partners (import a directory file with: engagebot partners import FILE)");
            return 0;
        }
        var rows = snapshot.Partners.Select(p => new[]
        {
            p.Id, p.Name, p.Tier, p.TimeZone, snapshot.Person(p.OwnerId)?.Name ?? p.OwnerId,
            p.CheckIn.ToString().ToLowerInvariant(),
            ChannelSummary(snapshot, p),
            p.CustomerIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await TextTable.WriteAsync(output, ["ID", "NAME", "TIER", "TIMEZONE", "OWNER", "CHECK-IN", "CHANNELS", "CUSTOMERS"], rows);
        return 0;
    }

    private static string ChannelSummary(DirectorySnapshot snapshot, Model.Partner p)
    {
        var counts = p.Platforms.Select(pl => (Platform: pl.Key, Count: pl.Value.ChannelIds.Count + snapshot.ChatLinks.Count(l => l.PartnerId == p.Id && l.Platform == pl.Key)));
        return string.Join(" ", counts.Where(c => c.Count > 0).Select(c => $"{c.Platform.Name.ToLowerInvariant()}:{c.Count}").DefaultIfEmpty("-"));
    }
}
