namespace EngageBot.Storage;

/// <summary>Table Storage's entity-group-transaction rules, enforced on every adapter so code that passes on SQLite also passes in Azure.</summary>
public static class BatchRules
{
    public const int MaxOperations = 100;

    public static void Check(IReadOnlyList<RecordOperation> operations)
    {
        if (operations.Count is 0 or > MaxOperations)
            throw new ArgumentException($"A batch holds 1 to {MaxOperations} operations, not {operations.Count}.", nameof(operations));
        var partition = operations[0].Record.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            if (op.Record.PartitionKey != partition)
                throw new ArgumentException("All operations of a batch must share one partition key.", nameof(operations));
            if (!rows.Add(op.Record.RowKey))
                throw new ArgumentException($"Row key '{op.Record.RowKey}' appears twice in one batch.", nameof(operations));
        }
    }
}
