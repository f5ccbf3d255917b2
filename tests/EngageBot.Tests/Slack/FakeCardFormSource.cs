using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

/// <summary>The feedback card's form source for adapter tests: answers with <see cref="Data"/> (null refuses the form) and records what it was asked.</summary>
public sealed class FakeCardFormSource : ICardFormSource
{
    public string Card => CardNames.Feedback;

    public JsonObject? Data { get; set; }

    public List<(string Verb, JsonObject ActionData, ChatUser Actor)> Asked { get; } = [];

    public Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken)
    {
        lock (Asked) Asked.Add((verb, actionData, actor));
        return Task.FromResult((JsonObject?)Data?.DeepClone());
    }

    public void Clear()
    {
        Data = null;
        lock (Asked) Asked.Clear();
    }
}
