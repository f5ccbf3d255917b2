using System.Globalization;
using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Channels.Playground.Demo;

/// <summary>Prints what the playground saw since the last call, one line per message, times in the demo's zone.</summary>
public sealed class DemoTranscriptWriter(PlaygroundTranscript transcript, TextWriter output, TimeZoneInfo zone)
{
    private int _printed;

    public void Heading(DateTimeOffset now, string what) =>
        output.WriteLine($"\n── {Local(now, "dddd HH:mm")} ({zone.Id}) · {what} ──");

    public void Note(string text) => output.WriteLine($"   {text}");

    public void Flush()
    {
        var messages = transcript.Messages;
        foreach (var m in messages.Skip(_printed)) output.WriteLine(Line(m));
        _printed = messages.Count;
        foreach (var (m, at) in messages.Where(m => m.EditedAt is not null).Select(m => (m, m.EditedAt.GetValueOrDefault())).Where(e => _edits.Add((e.m.Id, e.Item2))))
            output.WriteLine($"   {Local(at, "HH:mm")} {Where(m)}  (card {m.Id} updated) {Summary(m)}");
    }

    private readonly HashSet<(string, DateTimeOffset)> _edits = [];

    /// <summary>
    /// A card's content as the reader sees it, for cards worth reading in full (the weekly digest): text blocks, facts as
    /// "title: value", each row of columns on one line; charts by title only (the page shows their tables).
    /// </summary>
    public void Card(PlaygroundMessage m)
    {
        foreach (var line in CardLines(m.Card?["body"] as JsonArray))
            output.WriteLine($"      {line}");
    }

    private static IEnumerable<string> CardLines(JsonArray? items)
    {
        foreach (var item in (items ?? []).OfType<JsonNode>().Where(i => !CardElements.IsHidden(i)))
        {
            var type = CardElements.Type(item);
            if (type == "Container")
                foreach (var line in CardLines(item["items"] as JsonArray)) yield return line;
            else if (type == "ColumnSet")
                yield return string.Join(" · ", (item["columns"] as JsonArray ?? []).OfType<JsonNode>()
                    .Select(c => string.Join(" ", CardLines(c["items"] as JsonArray))).Where(c => c.Length > 0));
            else if (type == "FactSet")
                foreach (var (title, value) in CardElements.Facts(item)) yield return $"  {title}: {value}";
            else if (type.StartsWith("Chart.", StringComparison.Ordinal))
                yield return $"[chart] {CardElements.String(item, "title")}";
            else if (type == "TextBlock" && CardElements.String(item, "text") is { Length: > 0 } text)
                yield return text.ReplaceLineEndings(" ");
        }
    }

    private string Line(PlaygroundMessage m)
    {
        var thread = m.ThreadId is null ? "" : "  ↳";
        var only = m.VisibleTo is { } who ? $" (only {who} sees it)" : "";
        return $"   {Local(m.At, "HH:mm")} {Where(m)}{thread} {m.Author.Name}{only}: {Summary(m)}";
    }

    private static string Where(PlaygroundMessage m) =>
        m.ChannelId.StartsWith("dm-", StringComparison.Ordinal) ? $"[DM {m.ChannelId[3..]}]" : $"[#{m.ChannelId}]";

    private static string Summary(PlaygroundMessage m)
    {
        var text = CardText.Truncate(m.Text.ReplaceLineEndings(" "), 220);
        if (m.Card is not { } card) return text;
        var buttons = CardElements.Actions(card).Select(a => a["title"]?.GetValue<string>()).OfType<string>().Distinct().ToList();
        return $"{text} [card{(buttons.Count > 0 ? ": " + string.Join(" | ", buttons) : "")}]";
    }

    private string Local(DateTimeOffset at, string format) => TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture);
}
