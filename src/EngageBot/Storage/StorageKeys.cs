using System.Globalization;
using System.Text;

namespace EngageBot.Storage;

/// <summary>
/// Reversible escaping of the characters Table Storage forbids in keys: / \ # ? and the control characters
/// U+0000–U+001F and U+007F–U+009F. Each becomes "%XX" (two upper-case hex digits) and '%' itself becomes
/// "%25", as in URL encoding. Both adapters store escaped keys so they sort the same way: keys without '%'
/// or forbidden characters keep their natural ordinal order; an escaped character sorts where '%' (U+0025)
/// would. Escaping maps a prefix to a prefix, so prefix queries stay exact.
/// </summary>
public static class StorageKeys
{
    public static string Escape(string key)
    {
        if (!NeedsEscaping(key)) return key;
        var sb = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (IsEscaped(c)) sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The length <see cref="Escape"/> would return, without building the string: each escaped character takes three.</summary>
    public static int EscapedLength(string key) => NeedsEscaping(key) ? key.Length + 2 * key.Count(IsEscaped) : key.Length;

    public static string Unescape(string stored)
    {
        if (!stored.Contains('%')) return stored;
        var sb = new StringBuilder(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == '%' && i + 2 < stored.Length && int.TryParse(stored.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else
            {
                sb.Append(stored[i]);
            }
        }
        return sb.ToString();
    }

    private static bool NeedsEscaping(string key) => key.AsSpan().ContainsAny(Forbidden) || key.Contains('%');

    private static bool IsEscaped(char c) => c == '%' || IsForbidden(c);

    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' or <= '\u001f' or (>= '\u007f' and <= '\u009f');

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(
        "/\\#?" + new string(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Select(i => (char)i).ToArray()));
}
