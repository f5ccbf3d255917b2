namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>Text and <c>${…}</c> parts of a template string, evaluated part by part as the reference engine does.</summary>
internal sealed record InterpolatedString(IReadOnlyList<Expr> Parts) : Expr
{
    /// <summary>
    /// Returns the string itself when it has no <c>${</c>, the single expression when the string is exactly one
    /// <c>${…}</c> (so it keeps its type), and an <see cref="InterpolatedString"/> otherwise.
    /// </summary>
    public static object Prepare(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal)) return text;
        var parts = new List<Expr>();
        var pos = 0;
        while (pos < text.Length)
        {
            var start = text.IndexOf("${", pos, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add(new ConstantExpr(text[pos..]));
                break;
            }
            if (start > pos) parts.Add(new ConstantExpr(text[pos..start]));
            var end = FindClosingBrace(text, start + 2);
            parts.Add(ExpressionParser.Parse(text[(start + 2)..end]));
            pos = end + 1;
        }
        return parts is [var only] && only is not ConstantExpr ? only : new InterpolatedString(parts);
    }

    private static int FindClosingBrace(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1);
                while (close > 0 && text[close - 1] == '\\') close = text.IndexOf(c, close + 1);
                if (close < 0) break;
                i = close;
            }
            else if (c == '{') depth++;
            else if (c == '}' && depth-- == 0) return i;
        }
        throw new ExpressionException($"syntax error: '${{' without a closing '}}' in \"{text}\".");
    }

    public override string ToString() => "concat(" + string.Join(", ", Parts) + ")";
}
