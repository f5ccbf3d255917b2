using System.ComponentModel.DataAnnotations;

namespace EngageBot.Storage;

public enum StorageProvider { Sqlite, AzureTables }

/// <summary>Bound from EngageBot:Storage (env: EngageBot__Storage__...).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "EngageBot:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite: folder of the database file. Relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Azure Table Storage: a connection string (shared key or UseDevelopmentStorage=true).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Azure Table Storage with Microsoft Entra ID: the table endpoint, e.g. https://acct.table.core.windows.net.</summary>
    public string? TableEndpoint { get; set; }

    /// <summary>Prefix of every table name, so several deployments (or test runs) can share one account.</summary>
    public string TablePrefix { get; set; } = "eb";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.AzureTables && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(TableEndpoint))
            yield return new($"{Section}:ConnectionString (or {Section}:TableEndpoint) is required when {Section}:Provider is AzureTables.");
        if (TableEndpoint is { Length: > 0 } && !Uri.TryCreate(TableEndpoint, UriKind.Absolute, out _))
            yield return new($"{Section}:TableEndpoint must be an absolute URL.");
        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
            yield return new($"{Section}:DataDirectory must not be empty.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(TablePrefix ?? "", "^[A-Za-z][A-Za-z0-9]{0,19}$"))
            yield return new($"{Section}:TablePrefix must be 1-20 letters or digits, starting with a letter.");
    }
}
