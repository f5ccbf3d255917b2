namespace EngageBot.BotFramework.Schema;

/// <summary>The id of a created or updated resource (activity).</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Answer to create conversation: the conversation id, the first activity's id and the service URL to use for it.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId = null, string? ServiceUrl = null);

/// <summary>One page of GET /v3/conversations/{id}/pagedmembers.</summary>
public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<ChannelAccount>? Members);
