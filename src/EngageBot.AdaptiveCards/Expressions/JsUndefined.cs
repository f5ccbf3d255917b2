namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>JavaScript's <c>undefined</c>: a path that resolves to nothing, as distinct from a JSON null.</summary>
internal sealed class JsUndefined
{
    public static readonly JsUndefined Value = new();
    private JsUndefined() { }
    public override string ToString() => "undefined";
}
