namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// The Adaptive Expressions functions the templates use, with adaptive-expressions' semantics (the JS package is
/// the reference). Unknown functions are an evaluation error, as in adaptivecards-templating.
/// </summary>
internal static partial class BuiltinFunctions
{
    private delegate object? Function(CallExpr call, Evaluator evaluator);

    private static readonly Dictionary<string, Function> Table = Build();

    public static bool IsKnown(string name) => Table.ContainsKey(name);

    public static object? Invoke(CallExpr call, Evaluator evaluator) =>
        Table.TryGetValue(call.Type, out var function)
            ? function(call, evaluator)
            : throw new ExpressionException("Unknown function " + call.Type);

    private static Dictionary<string, Function> Build()
    {
        var table = new Dictionary<string, Function>(StringComparer.Ordinal);
        AddLogic(table);
        AddMath(table);
        AddText(table);
        AddCollections(table);
        AddDates(table);
        return table;
    }

    /// <summary>Registers a function that evaluates all its arguments first (AEL's apply), checking the count.</summary>
    private static void Apply(Dictionary<string, Function> table, string[] names, int minArgs, int maxArgs, Func<List<object?>, object?> body)
    {
        foreach (var name in names)
        {
            table[name] = (call, evaluator) =>
            {
                RequireArity(call, minArgs, maxArgs);
                return body(evaluator.EvaluateAll(call.Children));
            };
        }
    }

    private static void RequireArity(CallExpr call, int min, int max)
    {
        if (call.Children.Count < min || call.Children.Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new ExpressionException($"{call} should have {expected} argument(s).");
        }
    }

    private static double Number(object? value, string function) =>
        JsValues.IsNumber(value) ? (double)value! : throw new ExpressionException($"{JsValues.ToJsString(value)} is not a number in {function}.");

    private static int Integer(object? value, string function) =>
        JsValues.IsInteger(value) ? (int)(double)value! : throw new ExpressionException($"{JsValues.ToJsString(value)} is not an integer in {function}.");

    /// <summary>AEL's parseStringOrUndefined: strings as they are, anything else as "".</summary>
    private static string StringOrEmpty(object? value) => value as string ?? "";
}
