using System.Text.Json;
using EngageBot.Channels.Inbox;
using EngageBot.Cli;

namespace EngageBot.Channels.Outbox;

/// <summary>"engagebot outbox failed [--json]": messages given up on (channel archived, bot removed, …) with the reason.</summary>
internal sealed class OutboxFailedCommand(OutboxStore store) : ICliCommand
{
    public string Verb => "outbox failed";

    public string Usage => "[--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        if (args.Any(a => a != "--json"))
        {
            await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
            return 2;
        }
        var failed = new List<FailedDelivery>();
        await foreach (var f in store.FailedAsync(cancellationToken))
            failed.Add(f);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(failed, ChatEventJson.Options));
            return 0;
        }
        if (failed.Count == 0)
            await output.WriteLineAsync("No failed deliveries.");
        foreach (var f in failed)
            await output.WriteLineAsync($"{f.FailedAt:u}  {f.Platform} {f.Kind} to {f.Destination}  key {f.IdempotencyKey}: {f.Reason}");
        return 0;
    }
}
