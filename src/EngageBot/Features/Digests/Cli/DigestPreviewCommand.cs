using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Cards.Charts;
using EngageBot.Cli;
using EngageBot.Features.Digests.Cards;
using EngageBot.Features.Digests.Delivery;
using EngageBot.Features.Directory;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Digests.Cli;

/// <summary>
/// `engagebot digest preview`: the digest exactly as it would be sent, computed offline from the store, so admins can
/// check it before anyone receives it. --for shows one person's scope and zone; --png writes each chart as a PNG.
/// </summary>
public sealed class DigestPreviewCommand(
    IPartnerDirectory directory,
    DigestBuilder builder,
    DigestMessages messages,
    IEnumerable<IChartImageRenderer> renderers,
    IOptions<DigestOptions> options,
    TimeProvider time) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Verb => "digest preview";

    public string Usage => "[--week 2026-W47] [--for PERSON] [--json] [--png DIR]   (default: last week, all partners, in EngageBot:Digest:DefaultTimeZone)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await CliArguments.ParseAsync(this, args, ["--json"], ["--week", "--for", "--png"], error) is not { } parsed) return 2;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        var partners = snapshot.Partners;
        var scope = "all partners";
        if (parsed.Value("--for") is { } personId)
        {
            if (snapshot.Person(personId) is not { } person)
            {
                await error.WriteLineAsync($"engagebot digest preview: no person with id '{personId}' (see: engagebot partners list)");
                return 1;
            }
            if (DigestScope.For(snapshot, person, options.Value.ExecutiveScope) is not { } personal)
            {
                await error.WriteLineAsync($"engagebot digest preview: {person.DisplayName} gets no digest: they are neither an executive nor a manager of any partner.");
                return 1;
            }
            (partners, scope, zone) = (personal.Partners, personal.Name, DigestScope.ZoneOf(person, options.Value));
        }
        var week = IsoWeek.Of(time.GetUtcNow(), zone).Previous;
        if (parsed.Value("--week") is { } weekText)
        {
            if (IsoWeek.TryParse(weekText) is not { } asked)
            {
                await error.WriteLineAsync($"engagebot digest preview: '{weekText}' is not an ISO week such as 2026-W47.");
                return 2;
            }
            week = asked;
        }
        var png = parsed.Value("--png");
        var renderer = renderers.FirstOrDefault();
        if (png is not null && renderer is null)
        {
            await error.WriteLineAsync("engagebot digest preview: --png needs the chart renderer, which this build does not include.");
            return 1;
        }

        var composed = messages.Compose(await builder.BuildAsync(partners, week, zone, scope, cancellationToken));
        if (png is not null)
        {
            System.IO.Directory.CreateDirectory(png);
            foreach (var chart in composed.Charts)
            {
                var file = Path.Combine(png, $"{week}-{chart.Id}.png");
                await File.WriteAllBytesAsync(file, renderer!.RenderPng(chart), cancellationToken);
                if (!parsed.Has("--json")) await output.WriteLineAsync($"wrote {file}");
            }
        }
        if (parsed.Has("--json"))
            await output.WriteLineAsync(JsonSerializer.Serialize(new { composed.Digest, composed.Charts, Card = composed.Message.Card }, Json));
        else
            foreach (var line in DigestText.Lines(composed.Digest)) await output.WriteLineAsync(line);
        return 0;
    }
}
