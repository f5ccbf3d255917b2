using System.Diagnostics;
using System.Text;
using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Store;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Benchmarks;

/// <summary>
/// The per-event directory lookups adapters make (channel → partner, user → person) against a plain dictionary,
/// and the import of a large directory file (first import and an unchanged re-import) on SQLite.
/// Options: [partners=500] [lookups=2000000].
/// </summary>
public sealed class DirectoryLookupBenchmark : IBenchmark
{
    public string Description => "directory lookups per event vs a dictionary; import of a large file";

    public async Task<int> RunAsync(string[] args)
    {
        var partners = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var lookups = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000_000;
        using var temp = new TempDirectory();
        var time = TimeProvider.System;
        var store = new DirectoryStore(new SqliteRecordStore(temp.File("bench.db")), time);
        var reader = new DirectoryReader(store, time, Options.Create(new DirectoryOptions()), NullLogger<DirectoryReader>.Instance);
        var importer = new DirectoryImporter(store, reader);
        var yaml = Generate(partners);

        var watch = Stopwatch.StartNew();
        var first = await importer.ImportAsync(yaml);
        var firstMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var again = await importer.ImportAsync(yaml);
        var againMs = watch.Elapsed.TotalMilliseconds;
        if (!first.Succeeded || again.Report!.HasChanges) throw new InvalidOperationException("import failed");
        Console.WriteLine($"import {partners} partners ({yaml.Length / 1024} KB YAML): first {firstMs:F0} ms, unchanged re-import {againMs:F0} ms");

        var channels = Enumerable.Range(0, partners).Select(i => $"C{i:D8}").ToArray();
        var baseline = channels.Select((c, i) => (c, i)).ToDictionary(x => (ChatPlatform.Slack, x.c), x => $"p{x.i}");
        await reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, channels[0]);

        watch.Restart();
        var hits = 0;
        for (var i = 0; i < lookups; i++)
            if (baseline.TryGetValue((ChatPlatform.Slack, channels[i % partners]), out _)) hits++;
        var baseNs = watch.Elapsed.TotalNanoseconds / lookups;

        watch.Restart();
        for (var i = 0; i < lookups; i++)
            if (await reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, channels[i % partners]) is not null) hits++;
        var channelNs = watch.Elapsed.TotalNanoseconds / lookups;

        watch.Restart();
        for (var i = 0; i < lookups; i++)
            if (await reader.FindPersonAsync(ChatPlatform.Slack, $"U{i % partners:D8}") is not null) hits++;
        var personNs = watch.Elapsed.TotalNanoseconds / lookups;

        Console.WriteLine($"baseline Dictionary.TryGetValue: {baseNs:F1} ns/op");
        Console.WriteLine($"channel → partner (cached):      {channelNs:F1} ns/op ({channelNs / baseNs:F1}x baseline)");
        Console.WriteLine($"user → person (cached):          {personNs:F1} ns/op ({personNs / baseNs:F1}x baseline, includes building the summary)");
        return hits == 3 * lookups ? 0 : 1;
    }

    private static string Generate(int partners)
    {
        var yaml = new StringBuilder("policies:\n  - tier: standard\n    normal: { first_response: 8h, next_response: 16h, resolution: 80h }\n"
            + "    urgent: { first_response: 2h, next_response: 4h, resolution: 24h }\npeople:\n");
        for (var i = 0; i < partners; i++)
            yaml.Append($"  - {{ id: person-{i}, name: Person {i}, email: person{i}@example.com, slack_user_id: U{i:D8}, roles: [manager] }}\n");
        yaml.Append("partners:\n");
        for (var i = 0; i < partners; i++)
            yaml.Append($"  - {{ id: p{i}, name: Partner {i}, tier: standard, timezone: Europe/Berlin, onboarded: 2025-01-01, owner: person-{i}, "
                + $"slack: {{ channels: [C{i:D8}, X{i:D8}], team_ids: [T{i:D8}] }} }}\n");
        yaml.Append("customers:\n");
        for (var i = 0; i < partners; i++)
            yaml.Append($"  - {{ id: customer-{i}, name: Customer {i}, partners: [p{i}] }}\n");
        return yaml.ToString();
    }
}
