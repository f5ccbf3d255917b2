using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

/// <summary>Either the whole validated content, or every error found (sorted by position); never a partial directory.</summary>
public sealed record DirectoryParseResult(DirectoryContent? Content, IReadOnlyList<DirectoryError> Errors)
{
    public bool Succeeded => Content is not null;
}
