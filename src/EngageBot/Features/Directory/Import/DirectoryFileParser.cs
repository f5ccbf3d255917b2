using System.Text.RegularExpressions;
using EngageBot.Features.Directory.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EngageBot.Features.Directory.Import;

/// <summary>
/// Reads a partner directory YAML file (schema in docs/directory.md) through YamlDotNet's
/// representation model, whose nodes keep their line and column, and validates it whole: every error in
/// the file is reported, and content is returned only when there are none.
/// </summary>
public static partial class DirectoryFileParser
{
    private static readonly string[] Sections = ["version", "policies", "calendars", "people", "partners", "customers"];

    public static DirectoryParseResult Parse(string yaml)
    {
        var ctx = new ParseContext();
        var root = Load(yaml, ctx);
        if (root is null) return Fail(ctx);
        if (YamlMap.From(root, "the directory file", ctx) is not { } map) return Fail(ctx);
        map.RejectUnknownFields(Sections);
        if (map.Optional("version") is ({ } version, var versionAt) && version != "1")
            ctx.Error(versionAt, $"unsupported version '{version}' (this EngageBot reads version 1)");

        var policies = Section(map, "policies", "policy", PolicyReader.Read);
        var calendars = Section(map, "calendars", "calendar", CalendarReader.Read);
        var people = Section(map, "people", "person", PersonReader.Read);
        var partners = Section(map, "partners", "partner", PartnerReader.Read);
        var customers = Section(map, "customers", "customer", CustomerReader.Read);
        CheckReferences(ctx);
        foreach (var (kind, channel, at, what) in ctx.TriageChannels)
        {
            if (ctx.ClaimOwner(kind, channel) is { } owner)
                ctx.Error(at, $"{what}: triage channel '{channel}' is the shared channel of {owner}; triage channels are internal");
        }
        if (ctx.Errors.Count > 0) return Fail(ctx);

        var withCustomers = partners
            .Select(p => p with { CustomerIds = customers.Where(c => c.PartnerIds.Contains(p.Id)).Select(c => c.Id).Order(StringComparer.Ordinal).ToList() })
            .ToList();
        return new DirectoryParseResult(new DirectoryContent(
            withCustomers.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            people.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            customers.OrderBy(c => c.Id, StringComparer.Ordinal).ToList(),
            policies.OrderBy(p => p.Tier, StringComparer.Ordinal).ToList(),
            calendars.OrderBy(c => c.Id, StringComparer.Ordinal).ToList()), []);
    }

    private static YamlNode? Load(string yaml, ParseContext ctx)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // YamlDotNet prefixes the message with "(Line: …) - (Line: …): "; the error already carries the position.
            ctx.Error(e.Start, "YAML syntax error: " + PositionPrefix().Replace(e.Message, ""));
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some malformed input (an unclosed flow sequence at the end of the file) trips the scanner without a YamlException.
            ctx.Error(parser.LastGoodEnd, "YAML syntax error: the text after this point cannot be read (an unclosed bracket, brace or quote?)");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            ctx.Error(new Mark(), "the directory file is empty");
            return null;
        }
        if (stream.Documents.Count > 1)
            ctx.Error(stream.Documents[1].RootNode.Start, "the directory file must hold one YAML document, not several");
        return stream.Documents[0].RootNode;
    }

    private static List<T> Section<T>(YamlMap root, string key, string what, Func<YamlMap, T> read)
    {
        var node = root.Node(key);
        if (node is null) return [];
        if (node is not YamlSequenceNode items)
        {
            root.Context.Error(node.Start, $"'{key}' must be a list (each item starting with '- ')");
            return [];
        }
        var result = new List<T>();
        var index = 0;
        foreach (var item in items.Children)
        {
            index++;
            if (YamlMap.From(item, $"{what} #{index}", root.Context) is { } map) result.Add(read(map));
        }
        return result;
    }

    private static void CheckReferences(ParseContext ctx)
    {
        foreach (var reference in ctx.References)
        {
            var kind = reference.Kind switch
            {
                ReferenceKind.Person => "person",
                ReferenceKind.Tier => "policy",
                ReferenceKind.Calendar => "calendar",
                _ => "partner",
            };
            if (!ctx.IsDefined(kind, reference.Id)) ctx.Error(reference.At, reference.Message);
        }
    }

    private static DirectoryParseResult Fail(ParseContext ctx) =>
        new(null, ctx.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
