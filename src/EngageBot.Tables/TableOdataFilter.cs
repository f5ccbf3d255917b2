using System.Globalization;
using System.Text;

namespace EngageBot.Tables;

/// <summary>
/// Builds $filter expressions from interpolated strings, formatting each argument as an OData literal
/// ('' escaping for strings, datetime'…', guid'…', 123L, X'hex', true/false), as TableClient.CreateQueryFilter does.
/// </summary>
public static class TableOdataFilter
{
    public static string Create(FormattableString filter)
    {
        var args = filter.GetArguments().Select(FormatLiteral).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    public static string FormatLiteral(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        char c => FormatLiteral(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var t && (t.Contains('.') || t.Contains('E')) ? t : t + ".0",
        DateTimeOffset d => "datetime'" + d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime d => FormatLiteral(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind))),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        BinaryData data => FormatLiteral(data.ToArray()),
        _ => throw new ArgumentException($"{value.GetType().Name} cannot appear in a table filter."),
    };

    /// <summary>Joins non-empty clauses with "and".</summary>
    public static string? And(params string?[] clauses)
    {
        var parts = clauses.Where(c => !string.IsNullOrEmpty(c)).ToList();
        if (parts.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var p in parts)
            sb.Append(sb.Length == 0 ? "" : " and ").Append(parts.Count > 1 ? "(" + p + ")" : p);
        return sb.ToString();
    }
}
