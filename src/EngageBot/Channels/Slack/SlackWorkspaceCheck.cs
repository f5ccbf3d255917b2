using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Learns our Slack workspace at start-up (auth.test when EngageBot:Slack:TeamId is not set), so the first event
/// does not wait for it and a bad token shows in the log at once. Does not block start-up: Slack's requests are
/// refused with a clear 503 until the workspace is known.
/// </summary>
internal sealed class SlackWorkspaceCheck(SlackWorkspace workspace, IOptions<SlackOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try { await workspace.GetAsync(stoppingToken); }
        catch (SlackWorkspaceUnknownException) { } // logged by SlackWorkspace; requests ask again
    }
}
