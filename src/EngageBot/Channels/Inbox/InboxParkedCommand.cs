using System.Text.Json;
using EngageBot.Cli;

namespace EngageBot.Channels.Inbox;

/// <summary>"engagebot inbox parked [--json]": inbound events every handler attempt failed on, with the error.</summary>
internal sealed class InboxParkedCommand(InboxStore store) : ICliCommand
{
    public string Verb => "inbox parked";

    public string Usage => "[--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        if (args.Any(a => a != "--json"))
        {
            await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
            return 2;
        }
        var parked = new List<ParkedEvent>();
        await foreach (var p in store.ParkedAsync(cancellationToken))
            parked.Add(p);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(parked, ChatEventJson.Options));
            return 0;
        }
        if (parked.Count == 0)
            await output.WriteLineAsync("No parked inbound events.");
        foreach (var p in parked)
        {
            var firstLine = p.Error.Split('\n', 2)[0].Trim();
            await output.WriteLineAsync($"{p.ParkedAt:u}  {p.EventType,-22} {p.DedupKey}  {StoreKey.Unescape(p.Conversation)}  after {p.Attempts} attempts: {firstLine}");
        }
        return 0;
    }
}
