namespace EngageBot.AdaptiveCards.Expressions;

internal static partial class BuiltinFunctions
{
    private static void AddMath(Dictionary<string, Function> table)
    {
        var add = Fold(Add);
        table["add"] = add;
        table["+"] = (call, evaluator) => call.Children.Count == 1 ? Number(evaluator.Evaluate(call.Children[0]), "+") : add(call, evaluator);
        var sub = Fold((a, b) => Number(a, "sub") - Number(b, "sub"));
        table["sub"] = sub;
        table["-"] = (call, evaluator) => call.Children.Count == 1 ? -Number(evaluator.Evaluate(call.Children[0]), "-") : sub(call, evaluator);
        table["mul"] = table["*"] = Fold((a, b) => Number(a, "mul") * Number(b, "mul"));
        table["div"] = table["/"] = Fold(Divide);
        table["mod"] = table["%"] = Fold((a, b) =>
        {
            var divisor = Number(b, "mod");
            if (divisor == 0) throw new ExpressionException("Cannot mod by 0.");
            return Number(a, "mod") % divisor;
        });
        table["^"] = table["exp"] = Fold((a, b) => Math.Pow(Number(a, "exp"), Number(b, "exp")));
        Apply(table, ["max"], 1, int.MaxValue, args => Numbers(args, "max").Max());
        Apply(table, ["min"], 1, int.MaxValue, args => Numbers(args, "min").Min());
        Apply(table, ["round"], 1, 2, args =>
        {
            var digits = args.Count == 2 ? Integer(args[1], "round") : 0;
            if (digits is < 0 or > 15) throw new ExpressionException($"The second parameter {digits} must be an integer between 0 and 15;");
            return RoundToPrecision(Number(args[0], "round"), digits);
        });
        Apply(table, ["floor"], 1, 1, args => Math.Floor(Number(args[0], "floor")));
        Apply(table, ["ceiling"], 1, 1, args => Math.Ceiling(Number(args[0], "ceiling")));
        Apply(table, ["abs"], 1, 1, args => Math.Abs(Number(args[0], "abs")));
    }

    /// <summary>AEL's applySequence: a binary operation folded left over two or more arguments.</summary>
    private static Function Fold(Func<object?, object?, object?> operation) => (call, evaluator) =>
    {
        RequireArity(call, 2, int.MaxValue);
        var args = evaluator.EvaluateAll(call.Children);
        var result = args[0];
        for (var i = 1; i < args.Count; i++) result = operation(result, args[i]);
        return result;
    };

    /// <summary>Numbers add; anything else concatenates as strings (null as ""), but number + null is an error.</summary>
    private static object? Add(object? a, object? b)
    {
        if (JsValues.IsNullish(a) && JsValues.IsNumber(b) || JsValues.IsNullish(b) && JsValues.IsNumber(a))
            throw new ExpressionException("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
        if (JsValues.IsNumber(a) && JsValues.IsNumber(b)) return (double)a! + (double)b!;
        if (a is not (null or JsUndefined or string or double or bool) || b is not (null or JsUndefined or string or double or bool))
            throw new ExpressionException($"{JsValues.ToJsString(a)} + {JsValues.ToJsString(b)}: add needs numbers or strings.");
        return (JsValues.IsNullish(a) ? "" : JsValues.ToJsString(a)) + (JsValues.IsNullish(b) ? "" : JsValues.ToJsString(b));
    }

    /// <summary>Integer operands divide as integers (JavaScript cannot tell 7.0 from 7, so neither does AEL).</summary>
    private static object Divide(object? a, object? b)
    {
        var x = Number(a, "div");
        var y = Number(b, "div");
        if (y == 0) throw new ExpressionException("Cannot divide by 0.");
        var quotient = x / y;
        return JsValues.IsInteger(x) && JsValues.IsInteger(y) ? Math.Truncate(quotient) : quotient;
    }

    private static IEnumerable<double> Numbers(List<object?> args, string function) =>
        args is [System.Text.Json.Nodes.JsonArray list]
            ? list.Select(n => Number(JsValues.FromNode(n), function))
            : args.Select(a => Number(a, function));

    /// <summary>Math.round(num * 10^digits) / 10^digits, with JavaScript's round-half-up.</summary>
    internal static double RoundToPrecision(double value, int digits)
    {
        var factor = Math.Pow(10, digits);
        return Math.Floor(value * factor + 0.5) / factor;
    }
}
