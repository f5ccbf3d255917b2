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
        var slack = p.Slack.ChannelIds.Count + snapshot.ChatLinks.Count(l => l.PartnerId == p.Id && l.Platform == Channels.ChatPlatform.Slack);
        var teams = p.Teams.ChannelIds.Count + snapshot.ChatLinks.Count(l => l.PartnerId == p.Id && l.Platform == Channels.ChatPlatform.Teams);
        return string.Join(" ", new[] { slack > 0 ? $"slack:{slack}" : null, teams > 0 ? $"teams:{teams}" : null }.OfType<string>().DefaultIfEmpty("-"));
    }
}
