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
