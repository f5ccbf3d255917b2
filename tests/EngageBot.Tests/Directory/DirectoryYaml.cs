using EngageBot.TestSupport;

namespace EngageBot.Tests.Directory;

/// <summary>Directory files for tests: the shipped sample, and a small valid file whose line numbers the error tests rely on.</summary>
internal static class DirectoryYaml
{
    public static string SamplePath => Path.Combine(RepoPaths.Samples, "partners.yaml");

    public static string Sample => File.ReadAllText(SamplePath);

    // Line numbers matter: tests replace or append lines and expect errors at exact positions.
    public const string Minimal =
        """
        policies:
          - tier: gold
            normal: { first_response: 4h, next_response: 8h, resolution: 40h }
            urgent: { first_response: 1h, next_response: 2h, resolution: 8h }
        people:
          - id: jdoe
            name: Jane Doe
            slack_user_id: U1
            roles: [manager, admin]
        partners:
          - id: acme
            name: Acme
            tier: gold
            timezone: Europe/Berlin
            onboarded: 2025-01-01
            owner: jdoe
            slack:
              channels: [C1]
        customers:
          - id: globex
            name: Globex
            account_owner: jdoe
            partners: [acme]
        """;

    /// <summary>The minimal file with 1-based line <paramref name="line"/> replaced.</summary>
    public static string MinimalWith(int line, string replacement)
    {
        var lines = Minimal.Split('\n').ToList();
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The minimal file with lines inserted before 1-based line <paramref name="line"/>.</summary>
    public static string MinimalInserting(int line, params string[] inserted)
    {
        var lines = Minimal.Split('\n').ToList();
        lines.InsertRange(line - 1, inserted);
        return string.Join('\n', lines);
    }
}
