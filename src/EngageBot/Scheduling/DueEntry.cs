namespace EngageBot.Scheduling;

/// <summary>
/// One due-index entry: <see cref="Step"/> of <see cref="Subject"/> (a ticket's threshold, a risk's escalation level,
/// a partner's check-in), about the moment <see cref="DueAt"/>, acted on at <see cref="FireAt"/>.
/// </summary>
public sealed record DueEntry(string Subject, string Step, DateTimeOffset DueAt, DateTimeOffset FireAt);
