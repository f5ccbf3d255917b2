using EngageBot.Cli;

namespace EngageBot.Channels.Inbox;

/// <summary>"engagebot inbox parked [--json]": inbound events every handler attempt failed on, with the error.</summary>
internal sealed class InboxParkedCommand(InboxStore store) : ICliCommand
{
    public string Verb => "inbox parked";

    public string Usage => "[--json]";

    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CliListing.RunAsync(this, args, store.ParkedAsync(cancellationToken),
            p => $"{p.ParkedAt:u}  {p.EventType,-22} {p.DedupKey}  {StoreKey.Unescape(p.Conversation)}  after {p.Attempts} attempts: {p.Error.Split('\n', 2)[0].Trim()}",
            "No parked inbound events.", ChatEventJson.Options, output, error, cancellationToken);
}
