using System.Collections.Concurrent;
using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Scheduling;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Digests.Delivery;

/// <summary>
/// One sweep of the weekly digest: for each executive whose send time has come (their weekday and time, in their zone),
/// claims (executive, week) in the ledger before building anything, so with several instances, retries and restarts each
/// executive gets each week once. A send missed by less than <see cref="DigestOptions.MissedRunWindow"/> goes out late;
/// an older one is skipped. Executives are few, so a sweep asks the directory rather than a due index.
/// </summary>
public sealed class WeeklyDigestSweeper(
    IPartnerDirectory directory,
    DigestMessages messages,
    IOutbox outbox,
    [FromKeyedServices(DigestClaims.Table)] ClaimLedger claims,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<WeeklyDigestSweeper> log)
{
    // (person, week) this instance has seen claimed and enqueued: later sweeps in the window skip the ledger read.
    private readonly ConcurrentDictionary<(string, IsoWeek), bool> _done = new();

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Weekly) return 0;
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var person in await directory.ListPeopleInRoleAsync(PersonRole.Executive, ct))
        {
            ct.ThrowIfCancellationRequested();
            var zone = DigestScope.ZoneOf(person, o);
            var sendAt = DigestSchedule.LatestAtOrBefore(now, zone, o.Day, o.Time);
            var week = DigestSchedule.WeekReportedAt(sendAt, zone);
            if (now - sendAt > o.MissedRunWindow || _done.ContainsKey((person.Id, week))) continue;
            try
            {
                if (await SendAsync(person, week, sendAt, now, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim stays un-enqueued, so the next sweep (this instance or another) retries it.
                log.LogError(e, "Weekly digest {Week} for {PersonId} failed; retrying on the next sweep", week, person.Id);
            }
        }
        if (_done.Count > 10_000) _done.Clear();
        return sent;
    }

    private async Task<bool> SendAsync(Person person, IsoWeek week, DateTimeOffset sendAt, DateTimeOffset now, CancellationToken ct)
    {
        if (messages.TargetFor(person) is not { } target)
        {
            log.LogWarning("Executive {PersonId} has neither a Teams nor a Slack id: no weekly digest", person.Id);
            _done[(person.Id, week)] = true;
            return false;
        }
        var key = DigestClaims.Key(week);
        if (!await claims.ClaimAsync(person.Id, key, new Dictionary<string, object?> { ["ScheduledAt"] = sendAt }, ct))
        {
            _done[(person.Id, week)] = true;
            return false;
        }
        if (await messages.ComposeAsync(person, week, ct) is { } composed)
            await outbox.EnqueueAsync(DigestClaims.OutboxKey(person.Id, week), target, composed.Message, ct);
        await claims.MarkEnqueuedAsync(person.Id, key, ct);
        _done[(person.Id, week)] = true;
        if (now - sendAt > TimeSpan.FromMinutes(5)) log.LogInformation("Weekly digest {Week} for {PersonId} sent {Late} late", week, person.Id, now - sendAt);
        return true;
    }
}
