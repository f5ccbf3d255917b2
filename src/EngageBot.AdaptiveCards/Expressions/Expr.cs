using System.Text.Json.Nodes;

namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// A parsed Adaptive Expression. <see cref="ToString"/> mirrors adaptive-expressions' Expression.toString,
/// because the reference engine writes it back into the card when part of an interpolated string fails.
/// </summary>
internal abstract record Expr;

internal sealed record ConstantExpr(object? Value) : Expr
{
    public override string ToString() => Value switch
    {
        null => "null",
        JsUndefined => "undefined",
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        JsonNode n => n.ToJsonString(),
        _ => JsValues.ToJsString(Value),
    };
}

/// <summary>A property name, optionally on a parent expression: <c>a.b</c> is Accessor("b", Accessor("a")).</summary>
internal sealed record AccessorExpr(string Name, Expr? Parent) : Expr
{
    public override string ToString() => Parent is null ? Name : $"{Parent}.{Name}";
}

internal sealed record ElementExpr(Expr Instance, Expr Index) : Expr
{
    public override string ToString() => $"{Instance}[{Index}]";
}

/// <summary>A function call or operator; operators keep their symbol as the type, as AEL does.</summary>
internal sealed record CallExpr(string Type, IReadOnlyList<Expr> Children) : Expr
{
    public bool IsInfix => Type.Length > 0 && !char.IsLetter(Type[0]) && Children.Count >= 2;

    public override string ToString() => IsInfix
        ? "(" + string.Join($" {Type} ", Children) + ")"
        : Type + "(" + string.Join(", ", Children) + ")";
}
