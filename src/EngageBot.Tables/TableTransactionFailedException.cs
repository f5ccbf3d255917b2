using Azure;

namespace EngageBot.Tables;

/// <summary>An entity group transaction was rejected; nothing was applied. <see cref="FailedTransactionActionIndex"/> is the culprit.</summary>
public sealed class TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex)
    : RequestFailedException(status, message, errorCode, null)
{
    public int? FailedTransactionActionIndex { get; } = failedIndex;
}
