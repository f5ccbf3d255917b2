using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>
/// Finds the given customers in a message: case-insensitive, possessives ('s, ’s, trailing '), "&amp;" = "and",
/// legal suffixes optional ("Acme" = "Acme Corp"), and leading partial names ("Umbrella" for "Umbrella Health")
/// unless the partial is a common word ("Wide" for "Wide World Importers") or shared by two customers.
/// The longest match wins where names overlap.
/// </summary>
internal sealed partial class CustomerMatcher
{
    private static readonly HashSet<string> LegalSuffixes = ["corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc", "gmbh", "co", "company", "group", "ag", "sa", "bv", "holdings"];

    // Words too common to stand for a customer on their own, even when they start its name.
    private static readonly HashSet<string> CommonWords =
    [
        "the", "a", "an", "and", "of", "for", "on", "in", "at", "to", "new", "old", "big", "first", "second", "third", "fourth", "one", "two",
        "all", "open", "true", "best", "great", "good", "general", "united", "american", "national", "global", "international", "world",
        "wide", "city", "state", "blue", "red", "green", "black", "white", "gold", "silver", "north", "south", "east", "west", "central",
        "pacific", "atlantic", "royal", "standard", "premier", "prime", "smart", "bright", "clear", "data", "digital", "tech", "health",
        "bank", "power", "light", "energy", "air", "capital", "media", "systems", "solutions", "services", "software", "cloud", "home",
        "house", "coffee", "travel", "video", "research", "massive", "stark", "star", "sun", "sky", "summit", "peak", "apex", "core",
        "united", "alpha", "beta", "next", "future", "modern", "simple", "quick", "fast", "direct", "total", "metro", "urban", "local",
        "our", "your", "their", "my", "we", "they", "team", "customer", "client", "partner", "account", "support", "sales", "product",
    ];

    private readonly List<Entry> _entries;

    public CustomerMatcher(IReadOnlyList<CustomerName> customers)
    {
        var full = customers.Select(c => (Customer: c, Tokens: Tokens(c.Value).Select(t => t.Word).ToArray())).Where(x => x.Tokens.Length > 0).ToList();
        _entries = [];
        foreach (var (customer, tokens) in full)
        {
            _entries.Add(new Entry(customer, tokens, Partial: false, NeedsCapitals: false));
            var core = tokens.Length > 1 && LegalSuffixes.Contains(tokens[^1]) ? tokens[..^1] : tokens;
            if (core.Length != tokens.Length) _entries.Add(new Entry(customer, core, Partial: false, NeedsCapitals: false));
            for (var n = core.Length - 1; n >= 1; n--)
            {
                var prefix = core[..n];
                // One common word never stands for a customer; several ("Wide World") only when written capitalised.
                var common = prefix.All(CommonWords.Contains);
                if (n == 1 && (common || prefix[0].Length < 3)) continue;
                var shared = full.Count(o => o.Tokens.Length >= n && o.Tokens.AsSpan(0, n).SequenceEqual(prefix)) > 1;
                if (!shared) _entries.Add(new Entry(customer, prefix, Partial: true, NeedsCapitals: common));
            }
        }
        _entries.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length) is var c && c != 0 ? c : a.Partial.CompareTo(b.Partial));
    }

    public IReadOnlyList<CustomerMention> FindAll(string text)
    {
        var words = Tokens(text);
        var mentions = new List<CustomerMention>();
        for (var i = 0; i < words.Count;)
        {
            var hit = _entries.FirstOrDefault(e => Matches(words, i, e.Tokens) && (!e.NeedsCapitals || Capitalised(text, words, i, e.Tokens.Length)));
            if (hit is null) { i++; continue; }
            var last = words[i + hit.Tokens.Length - 1];
            mentions.Add(new CustomerMention(hit.Customer, words[i].Start, last.Start + last.Length, text[words[i].Start..(last.Start + last.Length)], hit.Partial));
            i += hit.Tokens.Length;
        }
        return mentions;
    }

    private static bool Matches(List<Token> words, int at, string[] tokens)
    {
        if (at + tokens.Length > words.Count) return false;
        for (var k = 0; k < tokens.Length; k++)
            if (!string.Equals(words[at + k].Word, tokens[k], StringComparison.Ordinal)) return false;
        return true;
    }

    private static bool Capitalised(string text, List<Token> words, int at, int count)
    {
        for (var k = 0; k < count; k++)
            if (!char.IsUpper(text[words[at + k].Start])) return false;
        return true;
    }

    private static List<Token> Tokens(string text)
    {
        var list = new List<Token>();
        foreach (Match m in WordPattern().Matches(text))
        {
            var word = m.Value.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
            var length = m.Length;
            if (word.EndsWith("'s", StringComparison.Ordinal)) { word = word[..^2]; length -= 2; }
            word = word.TrimEnd('\'');
            if (word == "&") word = "and";
            if (word.Length > 0) list.Add(new Token(word.Replace("'", "", StringComparison.Ordinal), m.Index, length));
        }
        return list;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\u2019\u2018][\p{L}]+)*['\u2019]?|&")]
    private static partial Regex WordPattern();

    private sealed record Entry(CustomerName Customer, string[] Tokens, bool Partial, bool NeedsCapitals);

    private readonly record struct Token(string Word, int Start, int Length);
}

/// <summary>Where a customer is named in the message (offsets in the original text).</summary>
internal sealed record CustomerMention(CustomerName Customer, int Start, int End, string Surface, bool Partial);
