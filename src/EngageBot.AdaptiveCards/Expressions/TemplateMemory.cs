namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// The template engine's memory: <c>$root</c>, <c>$data</c>, <c>$index</c>, <c>$host</c>; a path that does not start
/// with '$' is read from <c>$data</c> (adaptivecards-templating's TemplateObjectMemory).
/// </summary>
internal sealed class TemplateMemory(object? root, object? data, object? index, object? host) : IMemory
{
    private readonly ObjectMemory _scopes = new(new Dictionary<string, object?>
    {
        ["$root"] = root,
        ["$data"] = data,
        ["$index"] = index,
        ["$host"] = host,
    });

    public object? GetValue(string path) =>
        _scopes.GetValue(path.Length > 0 && path[0] != '$' ? "$data." + path : path);
}
