using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Directory.Linking;
using Microsoft.Extensions.Logging.Abstractions;

namespace EngageBot.Tests.Directory;

/// <summary>
/// What the channel-link tests share: the sample directory (once <see cref="ImportSampleAsync"/> ran), a recording
/// outbox, the card's answer handler, and the people who ask and answer.
/// </summary>
internal sealed class ChannelLinkWorld : IDisposable
{
    public static readonly ChatUser Priya = new("U07PRIYA01", "Priya", AuthorKind.Internal);
    public static readonly ChatUser PartnerUser = new("U0PARTNER9", "Pat from Northwind", AuthorKind.Partner, HomeTeamId: "T05NORTHWD");

    public ChannelLinkWorld() =>
        Action = new ChannelLinkActionHandler(Directory.Reader, Directory.Store, Directory.Time, NullLogger<ChannelLinkActionHandler>.Instance);

    public DirectoryHarness Directory { get; } = new();

    public RecordingOutbox Outbox { get; } = new();

    public ChannelLinkActionHandler Action { get; }

    public Task ImportSampleAsync() => Directory.ImportAsync(DirectoryYaml.Sample);

    /// <summary>The card's submit, as it comes back from the DM it was sent to.</summary>
    public CardActionInvoked Answer(ChatUser actor, JsonObject data, ChatPlatform? on = null) =>
        new("act-1", Directory.Time.GetUtcNow(), new ConversationRef(on ?? ChatPlatform.Slack, "D0DM"), actor, ChannelLinkCard.Verb, data, null);

    public void Dispose() => Directory.Dispose();
}
