using System.Text.RegularExpressions;

namespace EngageBot.Storage;

/// <summary>Table names follow Table Storage's rule on every adapter, so a name that works on SQLite works in Azure.</summary>
public static partial class TableNames
{
    public static string Validate(string name) =>
        ValidName().IsMatch(name) && !name.Equals("tables", StringComparison.OrdinalIgnoreCase)
            ? name
            : throw new ArgumentException($"'{name}' is not a valid table name (letters and digits, 3-63, starting with a letter).", nameof(name));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex ValidName();
}
