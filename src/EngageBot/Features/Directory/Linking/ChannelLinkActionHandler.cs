using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Directory.Store;

namespace EngageBot.Features.Directory.Linking;

/// <summary>
/// The answer to the channel-link card. Only people in the directory may link. The link is stored beside the
/// imported file (it survives re-imports; the file wins if it later claims the channel) and applies at once.
/// </summary>
public sealed class ChannelLinkActionHandler(DirectoryReader reader, DirectoryStore store, TimeProvider time, ILogger<ChannelLinkActionHandler> logger)
    : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [ChannelLinkCard.Verb];

    public async Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        var snapshot = await reader.GetSnapshotAsync(cancellationToken);
        var person = action.Actor is { } actor ? PlatformIdentity.Find(snapshot, action.Platform, actor) : null;
        if (person is null)
            return CardActionResult.Text("Only people in the EngageBot directory can link channels to partners.");

        var channelId = Text(action, ChannelLinkCard.ChannelField);
        var platformText = Text(action, ChannelLinkCard.PlatformField);
        if (string.IsNullOrWhiteSpace(channelId) || !ChatPlatform.TryParse(platformText, out var platform))
            return CardActionResult.Text("This card does not say which channel it is about; remove and re-add EngageBot to the channel to get a new one.");
        var channelName = Text(action, ChannelLinkCard.ChannelNameField);
        var partnerId = Text(action, ChannelLinkCard.PartnerInput)?.Trim();
        if (string.IsNullOrWhiteSpace(partnerId))
            return CardActionResult.Invalid(new Dictionary<string, string> { [ChannelLinkCard.PartnerInput] = "Choose a partner." });
        if (snapshot.Partner(partnerId) is not { } partner)
            return CardActionResult.Invalid(new Dictionary<string, string> { [ChannelLinkCard.PartnerInput] = $"There is no partner '{partnerId}' any more; choose another." });

        if (snapshot.FilePartnerByChannel(platform, channelId) is { } fileOwner)
            return CardActionResult.Updated(ChannelLinkCard.AlreadyClaimed(platform, channelId, channelName, fileOwner));
        if (snapshot.TriagePartners(platform, channelId) is { Count: > 0 } triageOf)
            return CardActionResult.Updated(ChannelLinkCard.TriageChannel(platform, channelId, channelName, triageOf));

        var now = time.GetUtcNow();
        await store.SaveChannelLinkAsync(new ChannelLink(platform, channelId, partner.Id, person.Id, now), cancellationToken);
        reader.Invalidate();
        logger.LogInformation("{PersonId} linked {Platform} channel {ChannelId} to partner {PartnerId}.", person.Id, platform, channelId, partner.Id);
        return new CardActionResult(ChannelLinkCard.Linked(platform, channelId, channelName, partner, person, now),
            ChannelLinkCard.LinkedText(platform, channelId, channelName, partner));
    }

    private static string? Text(CardActionInvoked action, string key) =>
        action.Data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
