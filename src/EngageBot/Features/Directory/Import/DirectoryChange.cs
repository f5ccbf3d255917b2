namespace EngageBot.Features.Directory.Import;

public enum ChangeKind { Added, Updated, Removed }

/// <summary>One entity added, updated (with the snake_case names of the fields that changed) or removed by an import.</summary>
public sealed record DirectoryChange(string Kind, string Id, ChangeKind Change, IReadOnlyList<string> Fields);
