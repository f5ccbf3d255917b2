using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Who "we" are on Slack: our workspace and our bot user. Authors from our workspace may be internal, so our
/// workspace never comes from a request (a partner that installed the app sends its own team_id): it is
/// EngageBot:Slack:TeamId, or what auth.test says the bot token belongs to, asked once and then kept. Until it is
/// known, Slack requests are refused (<see cref="SlackWorkspaceUnknownException"/>, a 503 Slack retries) rather than
/// classified against a guess. A failed auth.test is asked again at most every few seconds, not once per request.
/// </summary>
public sealed class SlackWorkspace(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWorkspace> logger)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackContext? _known;
    private (DateTimeOffset At, string Reason)? _failure;

    /// <summary>Our workspace and bot user (the bot user may still be null: then each event's authorizations name it).</summary>
    public async ValueTask<SlackContext> GetAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known) return known;
        var o = options.Value;
        if (o.TeamId is { Length: > 0 } configured) return _known = new SlackContext(configured, o.BotUserId);

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_known is { } learned) return learned;
            if (_failure is { } failed && time.GetUtcNow() - failed.At < RetryAfterFailure) throw Unknown(failed.Reason);
            try
            {
                var auth = await api.AuthTestAsync(cancellationToken);
                if (auth.TeamId is not { Length: > 0 } team) throw new SlackApiException("auth.test", "no team_id in the answer");
                logger.LogInformation("Slack workspace {TeamId} ({Team}) from auth.test; bot user {BotUserId}", team, auth.Team, o.BotUserId ?? auth.UserId);
                return _known = new SlackContext(team, o.BotUserId ?? auth.UserId);
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _failure = (time.GetUtcNow(), e.Message);
                logger.LogError("Slack requests are refused until our workspace is known: {Reason}", e.Message);
                throw Unknown(e.Message);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SlackWorkspaceUnknownException Unknown(string reason) => new(
        $"Our Slack workspace is unknown, so Slack requests are refused: set {SlackOptions.Section}:TeamId (T…) or give a bot token auth.test accepts ({reason}).");
}

/// <summary>Neither configuration nor auth.test has told us our Slack workspace yet.</summary>
public sealed class SlackWorkspaceUnknownException(string message) : Exception(message);
