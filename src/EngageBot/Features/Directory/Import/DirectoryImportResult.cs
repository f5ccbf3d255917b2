namespace EngageBot.Features.Directory.Import;

/// <summary>An import's outcome: the change report when applied, or every error when the file was rejected (store untouched).</summary>
public sealed record DirectoryImportResult(DirectoryChangeReport? Report, IReadOnlyList<DirectoryError> Errors)
{
    public bool Succeeded => Report is not null;
}
