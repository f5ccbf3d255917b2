using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EngageBot.Features.Directory.Import;

/// <summary>Remembers where the last successfully parsed event ended, to place errors YamlDotNet raises without a position.</summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastGoodEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current) LastGoodEnd = current.End;
        return moved;
    }
}
