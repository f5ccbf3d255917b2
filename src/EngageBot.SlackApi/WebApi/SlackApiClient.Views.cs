using System.Text.Json.Nodes;

namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    /// <summary>Opens a modal. The trigger id expires about 3 s after the interaction that issued it.</summary>
    public Task<ViewsOpenResponse> ViewsOpenAsync(string triggerId, JsonObject view, CancellationToken cancellationToken = default) =>
        PostJsonAsync<ViewsOpenRequest, ViewsOpenResponse>("views.open", new(triggerId, view), cancellationToken);
}

public sealed record ViewsOpenRequest(string TriggerId, JsonObject View);

public sealed record ViewsOpenResponse : SlackResponse
{
    public JsonObject? View { get; init; }
}
