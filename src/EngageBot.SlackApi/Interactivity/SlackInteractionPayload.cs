using System.Text.Json.Nodes;
using EngageBot.SlackApi.Events;

namespace EngageBot.SlackApi.Interactivity;

/// <summary>
/// The JSON in the <c>payload</c> form field of an interactivity request: block_actions, view_submission,
/// view_closed, message_action (message shortcut) or shortcut (global shortcut).
/// </summary>
public sealed record SlackInteractionPayload
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";
    public const string ViewClosed = "view_closed";
    public const string MessageAction = "message_action";
    public const string Shortcut = "shortcut";

    public string Type { get; init; } = "";
    public SlackInteractionUser? User { get; init; }
    public SlackTeamRef? Team { get; init; }
    public SlackChannelRef? Channel { get; init; }
    public SlackEvent? Message { get; init; }
    public SlackContainer? Container { get; init; }
    public IReadOnlyList<SlackBlockAction>? Actions { get; init; }
    public SlackView? View { get; init; }
    public SlackViewState? State { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    public string? CallbackId { get; init; }
    public string? MessageTs { get; init; }
    public string? ActionTs { get; init; }
    public string? ApiAppId { get; init; }
    public bool? IsEnterpriseInstall { get; init; }
}

public sealed record SlackInteractionUser
{
    public string Id { get; init; } = "";
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? TeamId { get; init; }
}

public sealed record SlackTeamRef
{
    public string Id { get; init; } = "";
    public string? Domain { get; init; }
}

public sealed record SlackChannelRef
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
}

/// <summary>Where the interaction happened: a message (channel_id + message_ts) or a view.</summary>
public sealed record SlackContainer
{
    public string Type { get; init; } = "";
    public string? MessageTs { get; init; }
    public string? ChannelId { get; init; }
    public string? ThreadTs { get; init; }
    public bool? IsEphemeral { get; init; }
    public string? ViewId { get; init; }
}

public sealed record SlackBlockAction
{
    public string Type { get; init; } = "";
    public string ActionId { get; init; } = "";
    public string? BlockId { get; init; }
    public string? Value { get; init; }
    public JsonObject? SelectedOption { get; init; }
    public string? SelectedDate { get; init; }
    public string? ActionTs { get; init; }
}

public sealed record SlackView
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? Hash { get; init; }
    public SlackViewState? State { get; init; }
}

/// <summary><c>values[block_id][action_id]</c> → the input element's state (value, selected_option, selected_date…).</summary>
public sealed record SlackViewState
{
    public Dictionary<string, Dictionary<string, JsonObject>> Values { get; init; } = [];
}
