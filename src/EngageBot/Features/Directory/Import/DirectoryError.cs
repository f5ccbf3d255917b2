namespace EngageBot.Features.Directory.Import;

/// <summary>One problem in a directory file, at a 1-based line and column.</summary>
public sealed record DirectoryError(int Line, int Column, string Message)
{
    /// <summary>Compiler-style "file:line:col: message", so editors can jump to it.</summary>
    public string Format(string fileName) => $"{fileName}:{Line}:{Column}: {Message}";
}
