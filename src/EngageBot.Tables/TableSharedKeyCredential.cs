namespace EngageBot.Tables;

/// <summary>A storage account name and key, as in Azure.Data.Tables.</summary>
public sealed class TableSharedKeyCredential(string accountName, string accountKey)
{
    public string AccountName { get; } = !string.IsNullOrWhiteSpace(accountName) ? accountName : throw new ArgumentException("Account name is required.", nameof(accountName));

    internal byte[] Key { get; } = DecodeKey(accountKey);

    private static byte[] DecodeKey(string key)
    {
        try
        {
            return Convert.FromBase64String(key);
        }
        catch (FormatException e)
        {
            // Never echo the key itself: it is a secret.
            throw new ArgumentException("The account key is not valid Base64.", nameof(accountKey), e);
        }
    }
}
