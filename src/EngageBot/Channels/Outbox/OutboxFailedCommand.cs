using EngageBot.Channels.Inbox;
using EngageBot.Cli;

namespace EngageBot.Channels.Outbox;

/// <summary>"engagebot outbox failed [--json]": messages given up on (channel archived, bot removed, …) with the reason.</summary>
internal sealed class OutboxFailedCommand(OutboxStore store) : ICliCommand
{
    public string Verb => "outbox failed";

    public string Usage => "[--json]";

    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CliListing.RunAsync(this, args, store.FailedAsync(cancellationToken),
            f => $"{f.FailedAt:u}  {f.Platform} {f.Kind} to {f.Destination}  key {f.IdempotencyKey}: {f.Reason}",
            "No failed deliveries.", ChatEventJson.Options, output, error, cancellationToken);
}
