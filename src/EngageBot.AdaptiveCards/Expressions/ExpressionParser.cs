using System.Globalization;
using System.Text;

namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// Parses the Adaptive Expressions grammar used in templates: literals, property paths with dots and indexers,
/// function calls and the operators (precedence as AEL's ANTLR grammar: unary, ^, * / %, + -, == != &lt;&gt;, &amp;,
/// &lt; &lt;= &gt; &gt;=, &amp;&amp;, ||). Identifiers may contain '-' as in AEL.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly string[][] BinaryLevels =
    [
        ["||"], ["&&"], ["<=", ">=", "<", ">"], ["&"], ["==", "!=", "<>"], ["+", "-"], ["*", "/", "%"],
    ];

    // AEL gives these functions their operator's expression type, which shows when an expression is printed back.
    private static readonly Dictionary<string, string> OperatorAliases = new(StringComparer.Ordinal)
    {
        ["add"] = "+", ["sub"] = "-", ["mul"] = "*", ["div"] = "/", ["mod"] = "%", ["exp"] = "^",
        ["equals"] = "==", ["less"] = "<", ["lessOrEquals"] = "<=", ["greater"] = ">", ["greaterOrEquals"] = ">=",
        ["and"] = "&&", ["or"] = "||", ["not"] = "!",
    };

    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseBinary(0);
        parser.SkipSpace();
        if (parser._pos < text.Length)
            throw new ExpressionException($"syntax error in '{text}' at position {parser._pos}: unexpected '{text[parser._pos]}'.");
        return expr;
    }

    private Expr ParseBinary(int level)
    {
        if (level == BinaryLevels.Length) return ParsePower();
        var left = ParseBinary(level + 1);
        while (true)
        {
            var op = MatchOperator(BinaryLevels[level]);
            if (op is null) return left;
            var right = ParseBinary(level + 1);
            left = new CallExpr(op == "<>" ? "!=" : op, [left, right]);
        }
    }

    private Expr ParsePower()
    {
        var left = ParseUnary();
        if (MatchOperator(["^"]) is null) return left;
        return new CallExpr("^", [left, ParsePower()]);
    }

    private Expr ParseUnary()
    {
        SkipSpace();
        if (Peek('!') && !PeekAt(1, '=')) { _pos++; return new CallExpr("!", [ParseUnary()]); }
        if (Peek('-')) { _pos++; return new CallExpr("-", [ParseUnary()]); }
        if (Peek('+')) { _pos++; return new CallExpr("+", [ParseUnary()]); }
        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length) throw Error("unexpected end of expression");
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseBinary(0);
            Expect(')');
            return inner;
        }
        if (c is '\'' or '"') return new ConstantExpr(ReadString(c));
        if (char.IsAsciiDigit(c)) return new ConstantExpr(ReadNumber());
        if (IsIdentifierStart(c))
        {
            var name = ReadIdentifier();
            SkipSpace();
            if (Peek('('))
            {
                _pos++;
                return new CallExpr(OperatorAliases.GetValueOrDefault(name, name), ReadArguments());
            }
            return name switch
            {
                "true" => new ConstantExpr(true),
                "false" => new ConstantExpr(false),
                "null" => new ConstantExpr(null),
                _ => new AccessorExpr(name, null),
            };
        }
        throw Error($"unexpected '{c}'");
    }

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            SkipSpace();
            if (Peek('.') && _pos + 1 < _text.Length && IsIdentifierStart(_text[_pos + 1]))
            {
                _pos++;
                expr = new AccessorExpr(ReadIdentifier(), expr);
            }
            else if (Peek('['))
            {
                _pos++;
                var index = ParseBinary(0);
                Expect(']');
                expr = new ElementExpr(expr, index);
            }
            else
            {
                return expr;
            }
        }
    }

    private List<Expr> ReadArguments()
    {
        var args = new List<Expr>();
        SkipSpace();
        if (Peek(')')) { _pos++; return args; }
        while (true)
        {
            args.Add(ParseBinary(0));
            SkipSpace();
            if (Peek(',')) { _pos++; continue; }
            Expect(')');
            return args;
        }
    }

    private string? MatchOperator(string[] operators)
    {
        SkipSpace();
        foreach (var op in operators)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0) continue;
            // '<' must not steal '<=' or '<>', '&' must not steal '&&', '|' alone is not an operator.
            var next = _pos + op.Length < _text.Length ? _text[_pos + op.Length] : '\0';
            if (op is "<" or ">" && next is '=' or '>') continue;
            if (op == "&" && next == '&') continue;
            _pos += op.Length;
            return op;
        }
        return null;
    }

    private string ReadString(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var c = _text[_pos++];
            if (c == '\\' && _pos < _text.Length)
            {
                var e = _text[_pos++];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e });
            }
            else
            {
                sb.Append(c);
            }
        }
        Expect(quote);
        return sb.ToString();
    }

    private double ReadNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && char.IsLetter(_text[_pos])) throw Error("invalid number");
        return double.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture);
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        _pos++;
        if (_text[start] == '@' && Peek('@')) _pos++;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-')) _pos++;
        // A trailing '-' belongs to a following operand ("a- b" is not allowed by AEL either).
        return _text[start.._pos];
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$' or '@' or '#' or '%';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private bool PeekAt(int offset, char c) => _pos + offset < _text.Length && _text[_pos + offset] == c;

    private void Expect(char c)
    {
        SkipSpace();
        if (!Peek(c)) throw Error($"expected '{c}'");
        _pos++;
    }

    private ExpressionException Error(string what) => new($"syntax error in '{_text}' at position {_pos}: {what}.");
}
