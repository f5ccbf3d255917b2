namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>One partner message that makes up the ticket's question (edits replace its text; a deletion keeps it, marked).</summary>
public sealed record QuestionPart(string MessageId, string Text, bool Deleted = false);
