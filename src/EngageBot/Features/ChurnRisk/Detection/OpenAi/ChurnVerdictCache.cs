using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>
/// Model verdicts by SHA-256 of the text and of the customer list (the verdict depends on both); bounded, and it
/// holds hashes, not partner text. Only validated verdicts are kept, so a failed call is retried next time.
/// </summary>
internal sealed class ChurnVerdictCache(int capacity)
{
    private readonly ConcurrentDictionary<string, ChurnSignal> _verdicts = new(StringComparer.Ordinal);

    public static string KeyOf(string text, IReadOnlyList<CustomerName> customers)
    {
        var names = string.Join('\n', customers.Select(c => c.Value).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(names)));
    }

    public bool TryGet(string key, out ChurnSignal signal) => _verdicts.TryGetValue(key, out signal!);

    public void Add(string key, ChurnSignal signal)
    {
        // Past capacity, start over rather than track recency: verdicts are cheap to recompute within the budget.
        if (_verdicts.Count >= capacity) _verdicts.Clear();
        if (capacity > 0) _verdicts[key] = signal;
    }
}
