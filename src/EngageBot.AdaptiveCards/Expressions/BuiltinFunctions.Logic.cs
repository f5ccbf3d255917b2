namespace EngageBot.AdaptiveCards.Expressions;

internal static partial class BuiltinFunctions
{
    private static void AddLogic(Dictionary<string, Function> table)
    {
        table["if"] = (call, evaluator) =>
        {
            RequireArity(call, 3, 3);
            var condition = evaluator.WithoutSubstitution().TryEvaluate(call.Children[0], out var value) && JsValues.IsLogicTrue(value);
            return evaluator.Evaluate(call.Children[condition ? 1 : 2]);
        };
        table["and"] = table["&&"] = (call, evaluator) =>
            call.Children.All(child => evaluator.WithoutSubstitution().TryEvaluate(child, out var v) && JsValues.IsLogicTrue(v));
        table["or"] = table["||"] = (call, evaluator) =>
            call.Children.Any(child => evaluator.WithoutSubstitution().TryEvaluate(child, out var v) && JsValues.IsLogicTrue(v));
        table["not"] = table["!"] = (call, evaluator) =>
        {
            RequireArity(call, 1, 1);
            return !(evaluator.WithoutSubstitution().TryEvaluate(call.Children[0], out var v) && JsValues.IsLogicTrue(v));
        };

        Comparison(table, ["equals", "=="], 2, args => JsValues.StrictEquals(args[0], args[1]));
        Comparison(table, ["!="], 2, args => !JsValues.StrictEquals(args[0], args[1]));
        Comparison(table, ["less", "<"], 2, args => Compare(args) < 0);
        Comparison(table, ["lessOrEquals", "<="], 2, args => Compare(args) <= 0);
        Comparison(table, ["greater", ">"], 2, args => Compare(args) > 0);
        Comparison(table, ["greaterOrEquals", ">="], 2, args => Compare(args) >= 0);
        Comparison(table, ["exists"], 1, args => !JsValues.IsNullish(args[0]));
    }

    /// <summary>AEL's ComparisonEvaluator: operands without null substitution; any error makes the result false.</summary>
    private static void Comparison(Dictionary<string, Function> table, string[] names, int arity, Func<List<object?>, bool> body)
    {
        foreach (var name in names)
        {
            table[name] = (call, evaluator) =>
            {
                RequireArity(call, arity, arity);
                try
                {
                    return body(evaluator.WithoutSubstitution().EvaluateAll(call.Children));
                }
                catch (ExpressionException)
                {
                    return false;
                }
            };
        }
    }

    private static int Compare(List<object?> args) => (args[0], args[1]) switch
    {
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new ExpressionException("Comparison needs two numbers or two strings."),
    };
}
