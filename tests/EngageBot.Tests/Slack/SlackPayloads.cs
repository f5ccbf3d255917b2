using System.Text.Json.Nodes;

namespace EngageBot.Tests.Slack;

/// <summary>Payloads shaped like the examples in Slack's Events API and interactivity docs.</summary>
public static class SlackPayloads
{
    public const string Channel = "C0PARTNER1";
    public const string PartnerTeam = "T0PARTNER";
    public const string PartnerUser = "U0PARTNER1";
    public const string InternalUser = "U0INTERNAL";

    public static string Envelope(JsonObject ev, string eventId, bool extShared = true) => new JsonObject
    {
        ["token"] = "XXYYZZ",
        ["team_id"] = SlackHost.OurTeam,
        ["api_app_id"] = "A0ENGAGE",
        ["event"] = ev.DeepClone(),
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1793610000,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null, ["team_id"] = SlackHost.OurTeam, ["user_id"] = SlackHost.BotUserId, ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = extShared,
        ["event_context"] = "4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMDAwMDAwMDAiLCJhaWQiOiJBMDAwMDAwMDAiLCJjaWQiOiJDMDAwMDAwMDAifQ",
    }.ToJsonString();

    public static JsonObject Message(string ts, string text, string user = PartnerUser, string? team = PartnerTeam, string? threadTs = null,
        string channel = Channel) => Drop(new JsonObject
    {
        ["type"] = "message",
        ["client_msg_id"] = Guid.NewGuid().ToString(),
        ["channel"] = channel,
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["team"] = team,
        ["user_team"] = team,
        ["source_team"] = team,
        ["event_ts"] = ts,
        ["channel_type"] = "channel",
    });

    public static JsonObject AppMention(string ts, string text, string user = PartnerUser, string team = PartnerTeam) => new()
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["channel"] = Channel,
        ["event_ts"] = ts,
        ["team"] = team,
        ["user_team"] = team,
        ["source_team"] = team,
    };

    public static JsonObject MessageChanged(string ts, string oldText, string newText, string eventTs) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_changed",
        ["hidden"] = true,
        ["channel"] = Channel,
        ["ts"] = eventTs,
        ["event_ts"] = eventTs,
        ["channel_type"] = "channel",
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = PartnerUser, ["team"] = PartnerTeam, ["text"] = newText, ["ts"] = ts, ["edited"] = new JsonObject { ["user"] = PartnerUser, ["ts"] = eventTs } },
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = PartnerUser, ["text"] = oldText, ["ts"] = ts },
    };

    public static JsonObject MessageDeleted(string deletedTs, string eventTs) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_deleted",
        ["hidden"] = true,
        ["channel"] = Channel,
        ["ts"] = eventTs,
        ["deleted_ts"] = deletedTs,
        ["event_ts"] = eventTs,
        ["channel_type"] = "channel",
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = PartnerUser, ["text"] = "gone", ["ts"] = deletedTs },
    };

    public static JsonObject BotMessage(string ts, string text, string botId = "B0OTHERBOT") => new()
    {
        ["type"] = "message",
        ["subtype"] = "bot_message",
        ["text"] = text,
        ["ts"] = ts,
        ["username"] = "Jira",
        ["bot_id"] = botId,
        ["channel"] = Channel,
        ["event_ts"] = ts,
        ["channel_type"] = "channel",
    };

    public static JsonObject Reaction(bool added, string reaction, string itemTs, string user = PartnerUser) => new()
    {
        ["type"] = added ? "reaction_added" : "reaction_removed",
        ["user"] = user,
        ["reaction"] = reaction,
        ["item_user"] = PartnerUser,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = Channel, ["ts"] = itemTs },
        ["event_ts"] = "1793610100.000200",
    };

    public static JsonObject Member(bool joined, string user, string? team = PartnerTeam, string? inviter = null) => Drop(new JsonObject
    {
        ["type"] = joined ? "member_joined_channel" : "member_left_channel",
        ["user"] = user,
        ["channel"] = Channel,
        ["channel_type"] = "C",
        ["team"] = team,
        ["inviter"] = inviter,
        ["event_ts"] = "1793610200.000300",
    });

    public static string BlockActions(string actionId, string value, string messageTs, string user = PartnerUser, string team = PartnerTeam) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "pat", ["name"] = "pat", ["team_id"] = team },
        ["api_app_id"] = "A0ENGAGE",
        ["token"] = "XXYYZZ",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = Channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "12466734323.1395872398." + Guid.NewGuid().ToString("N"),
        ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam, ["domain"] = "ours" },
        ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "partner-acme" },
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = SlackHost.BotUserId, ["ts"] = messageTs, ["text"] = "Ticket T-1" },
        ["response_url"] = "https://hooks.slack.com/actions/T0/1/abc",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = "actions1", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Go" },
            ["value"] = value, ["type"] = "button", ["action_ts"] = "1793610300.000400",
        }),
    }.ToJsonString();

    public static string ViewSubmission(string callbackId, string privateMetadata, string inputBlock, string inputId, string inputValue) => new JsonObject
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam, ["domain"] = "ours" },
        ["user"] = new JsonObject { ["id"] = PartnerUser, ["username"] = "pat", ["name"] = "pat", ["team_id"] = PartnerTeam },
        ["api_app_id"] = "A0ENGAGE",
        ["token"] = "XXYYZZ",
        ["trigger_id"] = "12345.98765.abcd2358fdea",
        ["view"] = new JsonObject
        {
            ["id"] = "VNHU13V36", ["type"] = "modal", ["callback_id"] = callbackId, ["private_metadata"] = privateMetadata, ["hash"] = "156663117.cd33ad1f",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    [inputBlock] = new JsonObject { [inputId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = inputValue } },
                },
            },
        },
    }.ToJsonString();

    public static string MessageShortcut(string callbackId, string messageTs, string text) => new JsonObject
    {
        ["type"] = "message_action",
        ["callback_id"] = callbackId,
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        ["response_url"] = "https://hooks.slack.com/app-actions/T0/1/abc",
        ["message_ts"] = messageTs,
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = PartnerUser, ["ts"] = messageTs, ["text"] = text },
        ["user"] = new JsonObject { ["id"] = InternalUser, ["name"] = "sam", ["team_id"] = SlackHost.OurTeam },
        ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "partner-acme" },
        ["team"] = new JsonObject { ["id"] = SlackHost.OurTeam, ["domain"] = "ours" },
        ["action_ts"] = "1793610400.000500",
    }.ToJsonString();

    /// <summary>A global shortcut as the shortcuts payload reference shows it: no channel, message or response_url.</summary>
    public static string GlobalShortcut(string callbackId, string user = InternalUser, string team = SlackHost.OurTeam) => new JsonObject
    {
        ["type"] = "shortcut",
        ["token"] = "XXXXXXXXXXXXX",
        ["action_ts"] = "1793610400.000900",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "ours" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "sam", ["team_id"] = team },
        ["is_enterprise_install"] = false,
        ["enterprise"] = null,
        ["callback_id"] = callbackId,
        ["trigger_id"] = "944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638",
    }.ToJsonString();

    /// <param name="responseUrl">Where the answer goes: give a <c>FakeSlackServer.ResponseUrl</c> when the host delivers for real.</param>
    public static string SlashCommand(string text, string channel = Channel, string channelName = "partner-acme", string responseUrl = "https://hooks.slack.com/commands/1234/5678",
        string user = InternalUser, string trigger = "13345224609.738474920.8088930838d88f008e0") =>
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=" + SlackHost.OurTeam + "&team_domain=ours&channel_id=" + channel
        + "&channel_name=" + channelName + "&user_id=" + user + "&user_name=sam&command=%2Fengagebot&text=" + Uri.EscapeDataString(text)
        + "&api_app_id=A0ENGAGE&is_enterprise_install=false&response_url=" + Uri.EscapeDataString(responseUrl)
        + "&trigger_id=" + trigger;

    private static JsonObject Drop(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        return o;
    }
}
