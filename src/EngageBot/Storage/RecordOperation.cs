namespace EngageBot.Storage;

public enum RecordOperationKind { Insert, Upsert, Update, Delete }

/// <summary>One step of an atomic batch. Update and Delete use the record's ETag when it has one.</summary>
public sealed record RecordOperation(RecordOperationKind Kind, StorageRecord Record)
{
    public static RecordOperation Insert(StorageRecord r) => new(RecordOperationKind.Insert, r);
    public static RecordOperation Upsert(StorageRecord r) => new(RecordOperationKind.Upsert, r);
    public static RecordOperation Update(StorageRecord r) => new(RecordOperationKind.Update, r);
    public static RecordOperation Delete(StorageRecord r) => new(RecordOperationKind.Delete, r);
}
