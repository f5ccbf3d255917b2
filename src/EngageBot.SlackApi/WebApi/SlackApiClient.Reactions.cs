namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    /// <param name="name">Emoji name without colons, e.g. <c>eyes</c>.</param>
    public Task<SlackResponse> ReactionsAddAsync(string channel, string timestamp, string name, CancellationToken cancellationToken = default) =>
        PostJsonAsync<ReactionsAddRequest, SlackResponse>("reactions.add", new(channel, timestamp, name), cancellationToken);
}

public sealed record ReactionsAddRequest(string Channel, string Timestamp, string Name);
