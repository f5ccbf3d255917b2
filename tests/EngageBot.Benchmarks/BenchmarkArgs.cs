using System.Globalization;

namespace EngageBot.Benchmarks;

/// <summary>"--name value" options shared by the benchmarks.</summary>
internal static class BenchmarkArgs
{
    /// <summary>The value after <paramref name="name"/>, parsed invariantly (a malformed value is an error), else <paramref name="fallback"/>.</summary>
    public static T Option<T>(string[] args, string name, T fallback) where T : IParsable<T>
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A positive whole number after <paramref name="name"/>; anything else means <paramref name="fallback"/>.</summary>
    public static int PositiveInt(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}
