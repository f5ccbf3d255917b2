using Azure;

namespace EngageBot.Tables;

public enum TableTransactionActionType { Add, UpdateMerge, UpdateReplace, Delete, UpsertMerge, UpsertReplace }

/// <summary>One operation of an entity group transaction. Updates and deletes use <see cref="ETag"/> (default: any).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
