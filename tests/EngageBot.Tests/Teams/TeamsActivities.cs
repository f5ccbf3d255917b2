using System.Text.Json.Nodes;

namespace EngageBot.Tests.Teams;

/// <summary>Activities shaped like the documented Teams examples (protocols.md A.4), with ids the tests choose.</summary>
internal static class TeamsActivities
{
    public const string ChannelId = "19:a1b2c3@thread.tacv2";
    public const string TeamId = "19:team0@thread.tacv2";
    public const string BotId = "28:" + TeamsHost.AppId;

    public static JsonObject ChannelMention(string serviceUrl, string id = "1481567603816", string? rootId = null,
        string fromTenant = TeamsHost.TenantId, string aadObjectId = "6f2c5e1a-0000-0000-0000-000000000001") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-02T09:00:00.000Z",
        ["text"] = "<at>EngageBot</at> status of order 42?",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1user", ["aadObjectId"] = aadObjectId, ["name"] = "Jane", ["tenantId"] = fromTenant },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TeamsHost.TenantId,
            ["id"] = $"{ChannelId};messageid={rootId ?? id}",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "EngageBot" },
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "EngageBot" }, ["text"] = "<at>EngageBot</at>",
        }),
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
        },
    };

    public static JsonObject PersonalMessage(string serviceUrl, string id, string userId, string aadObjectId) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["text"] = "hello",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = aadObjectId, ["name"] = "Pat" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TeamsHost.TenantId, ["id"] = "a:personal-" + id },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "EngageBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId } },
    };

    public static JsonObject BotAddedToTeam(string serviceUrl) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:bot-added",
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1admin", ["aadObjectId"] = "6f2c5e1a-0000-0000-0000-0000000000ad" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TeamsHost.TenantId, ["id"] = ChannelId },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["channelData"] = new JsonObject
        {
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = ChannelId } },
            ["team"] = new JsonObject { ["aadGroupId"] = "0b0c0d0e-0000-0000-0000-000000000000", ["name"] = "Partners", ["id"] = TeamId },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId },
        },
    };

    public static JsonObject CardExecute(string serviceUrl, string verb, JsonObject data) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:invoke-1",
        ["replyToId"] = "activity-card-1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1user", ["aadObjectId"] = "6f2c5e1a-0000-0000-0000-000000000001", ["name"] = "Jane" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TeamsHost.TenantId, ["id"] = $"{ChannelId};messageid=root-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "approve-btn", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId } },
    };
}
