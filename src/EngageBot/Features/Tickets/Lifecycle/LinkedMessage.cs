using EngageBot.Channels;

namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>A message attached to a ticket (root, joined messages, thread replies), stored beside it.</summary>
public sealed record LinkedMessage(string MessageId, string? AuthorId, AuthorKind AuthorKind, DateTimeOffset At, bool Edited = false, bool Deleted = false);
