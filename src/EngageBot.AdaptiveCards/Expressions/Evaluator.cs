using System.Text.RegularExpressions;

namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// Evaluates an <see cref="Expr"/> against a memory. With <paramref name="substitute"/> on, a path that resolves to
/// nothing evaluates to the literal text <c>${path}</c>, as the templating engine's nullSubstitution does; logic and
/// comparison functions turn substitution off for their operands, as adaptive-expressions does.
/// Errors are thrown as <see cref="ExpressionException"/>.
/// </summary>
internal sealed partial class Evaluator(IMemory memory, bool substitute)
{
    [GeneratedRegex(@"\.*$")]
    private static partial Regex TrailingDots();

    public bool Substitutes => substitute;

    public Evaluator WithoutSubstitution() => substitute ? new Evaluator(memory, false) : this;

    public object? Evaluate(Expr expr) => expr switch
    {
        ConstantExpr c => c.Value,
        AccessorExpr => EvaluatePath(expr),
        ElementExpr e => EvaluateElement(e),
        CallExpr call => BuiltinFunctions.Invoke(call, this),
        InterpolatedString s => BuiltinFunctions.ConcatValues(s.Parts.Select(Evaluate).ToList()),
        _ => throw new ExpressionException($"Unsupported expression {expr}"),
    };

    /// <summary>Evaluates, returning false instead of throwing when the expression errs.</summary>
    public bool TryEvaluate(Expr expr, out object? value)
    {
        try
        {
            value = Evaluate(expr);
            return true;
        }
        catch (ExpressionException)
        {
            value = JsUndefined.Value;
            return false;
        }
    }

    public List<object?> EvaluateAll(IEnumerable<Expr> children) => children.Select(Evaluate).ToList();

    /// <summary>AEL's Accessor: folds a.b[0].c into one memory path and reads it in one go.</summary>
    private object? EvaluatePath(Expr expr)
    {
        var path = "";
        var left = expr;
        while (left is not null)
        {
            if (left is AccessorExpr accessor)
            {
                path = accessor.Name + "." + path;
                left = accessor.Parent;
            }
            else if (left is ElementExpr element)
            {
                var index = Evaluate(element.Index);
                if (ObjectMemory.ParseIntPrefix(JsValues.ToJsString(index)) is not null && index is double or string)
                    path = $"[{JsValues.ToJsString(index)}].{path}";
                else if (index is string s)
                    path = $"['{s}'].{path}";
                else
                    throw new ExpressionException($"{element.Index} doesn't return an int or string");
                left = element.Instance;
            }
            else
            {
                break;
            }
        }
        path = TrailingDots().Replace(path, "").Replace(".[", "[");
        var value = left is null ? memory.GetValue(path) : new ObjectMemory(Evaluate(left)).GetValue(path);
        if (value is not JsUndefined) return value;
        return substitute ? "${" + path + "}" : JsUndefined.Value;
    }

    private object? EvaluateElement(ElementExpr element)
    {
        var instance = Evaluate(element.Instance);
        var index = WithoutSubstitution().Evaluate(element.Index);
        if (JsValues.IsInteger(index))
        {
            if (JsValues.IsNullish(instance)) return JsUndefined.Value;
            var i = (double)index!;
            if (instance is not System.Text.Json.Nodes.JsonArray array)
                throw new ExpressionException($"{JsValues.ToJsString(instance)} is not a collection.");
            if (i < 0 || i >= array.Count)
                throw new ExpressionException($"{JsValues.ToJsString(i)} is out of range for {JsValues.ToJsString(instance)}");
            return JsValues.FromNode(array[(int)i]);
        }
        if (index is string name) return ObjectMemory.Property(instance, name);
        throw new ExpressionException($"Could not coerce {element.Index} to an int or string.");
    }
}
