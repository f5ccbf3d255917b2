using System.Net;
using EngageBot.BotFramework.Connector;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Classifies Connector failures for the outbox (conversation-messages.md status table, rate-limit.md):
/// 429/412/502/503/504 and network errors are retried (after Retry-After when Teams sends one); the bot being
/// blocked, removed, disabled or the conversation gone are permanent, as is any other 4xx (retrying cannot fix it).
/// Other 5xx are retried.
/// </summary>
internal static class TeamsDeliveryErrors
{
    public static DeliveryException Classify(ConnectorException e)
    {
        if (e.IsRetryable)
            return new DeliveryException($"Teams: {e.Message}", permanent: false, e.RetryAfter, e);
        var status = (int)e.StatusCode;
        var permanent = status is >= 400 and < 500 || e.StatusCode == HttpStatusCode.NotImplemented;
        return new DeliveryException($"Teams: {Describe(e)}", permanent, e.RetryAfter, e);
    }

    /// <summary>
    /// The bot is not in the channel's team: Teams says so for a channel it knows, while for a channel the bot never
    /// heard from a 403 or 404 (other than the admin disabling the bot) means the same. Adding the bot fixes both.
    /// </summary>
    public static bool BotNotInChannel(ConnectorException e, bool unheard) =>
        e.ErrorCode == "BotNotInConversationRoster"
        || (unheard && e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && e.ErrorCode != "BotDisabledByAdmin");

    private static string Describe(ConnectorException e) => e.ErrorCode switch
    {
        "ConversationBlockedByUser" => $"the user blocked the bot ({e.Message})",
        "BotNotInConversationRoster" => $"the bot is no longer in the conversation ({e.Message})",
        "BotDisabledByAdmin" => $"the tenant admin disabled the bot ({e.Message})",
        "ConversationNotFound" => $"the conversation no longer exists ({e.Message})",
        "MessageSizeTooBig" => $"the message is over Teams' 40 KB limit ({e.Message})",
        _ => e.Message,
    };
}
