using System.Runtime.CompilerServices;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Scheduling;
using EngageBot.Storage;

namespace EngageBot.Features.Tickets.Storage;

// Key scheme
//   Tickets        PK = ticket id; RK "ticket" (state JSON, ETag concurrency), "audit|000001"… (one per transition),
//                  "msg|{message id}" (linked messages). One partition per ticket, so a change and its audit
//                  entries commit in one atomic batch.
//   TicketsOpen    PK = partner id, RK = ticket id: the partner's tickets until closed (readers skip resolved ones). Serves
//                  "a partner's open tickets" and the CLI list (a scan of this table holds only open tickets).
//   TicketsMine    PK = assignee person (or platform user) id, RK = ticket id: "my open tickets".
//   TicketsByPartner PK = partner id, RK "{opened UTC ticks:D19}|{ticket id}": every ticket a partner ever opened, in
//                  opening order, closed ones included (written once, at creation). Serves "a partner's tickets opened in
//                  a time range" (digests, health scores) as one index range; the ticket row stays the truth.
//   TicketSlaDue   the due index (a shared DueIndex, see TicketDueEntries), rewritten here whenever a ticket's thresholds change.
// The ticket row is the truth; index rows are written before it when they add a threshold (so a crash can
// leave a stale entry, never a missing one) and readers check every index hit against the ticket.
public sealed class TicketStore(IRecordStore store, [FromKeyedServices(TicketDueEntries.Table)] DueIndex dueIndex, TimeProvider time)
{
    private readonly IRecordTable _tickets = store.Table("Tickets");
    private readonly IRecordTable _open = store.Table("TicketsOpen");
    private readonly IRecordTable _mine = store.Table("TicketsMine");
    private readonly IRecordTable _byPartner = store.Table("TicketsByPartner");

    public async Task<Ticket?> GetAsync(string ticketId, CancellationToken ct = default)
    {
        var record = await _tickets.GetAsync(ticketId, TicketRecordMapper.TicketRow, ct);
        return record is null ? null : TicketRecordMapper.FromRecord(record);
    }

    /// <summary>Stores a new ticket; throws <see cref="RecordExistsException"/> if the id is taken.</summary>
    public async Task CreateAsync(Ticket ticket, CancellationToken ct = default)
    {
        // Index and listing rows first (all upserts): a crash before the ticket row leaves stale rows that readers
        // skip and a redelivery overwrites, never a ticket missing from "open tickets".
        await dueIndex.AddAsync(ticket.Id, TicketThresholds.Pending(ticket), ct);
        await UpdateListingsAsync(null, null, ticket, ct);
        await _byPartner.UpsertAsync(new StorageRecord(ticket.PartnerId, TicketKeys.OpenedRow(ticket.OpenedAt, ticket.Id)), ct);
        await CommitAsync(ticket, RecordOperation.Insert(TicketRecordMapper.ToRecord(ticket)), ct);
    }

    /// <summary>
    /// Read-modify-write with optimistic concurrency: re-reads and re-applies <paramref name="change"/> when
    /// another writer got there first. Returns the ticket after the change, and whether it changed.
    /// </summary>
    public Task<(Ticket? Ticket, bool Changed)> UpdateAsync(string ticketId, Func<Ticket, bool> change, CancellationToken ct = default) =>
        OptimisticConcurrency.RetryAsync<(Ticket?, bool)>(async token =>
        {
            var ticket = await GetAsync(ticketId, token);
            if (ticket is null) return (null, false);
            var oldThresholds = TicketThresholds.Pending(ticket);
            var before = (ticket.Status, Assignee: ListedAssignee(ticket));
            if (!change(ticket)) return (ticket, false);
            var added = TicketThresholds.Pending(ticket).Except(oldThresholds).ToList();
            await dueIndex.AddAsync(ticket.Id, added, token);
            await CommitAsync(ticket, RecordOperation.Update(TicketRecordMapper.ToRecord(ticket)), token);
            await dueIndex.RemoveAsync(ticket.Id, oldThresholds.Except(TicketThresholds.Pending(ticket)), time.GetUtcNow(), token);
            await UpdateListingsAsync(before.Status, before.Assignee, ticket, token);
            return (ticket, true);
        }, ct);

    public async Task<bool> HasMessageAsync(string ticketId, string messageId, CancellationToken ct = default) =>
        await _tickets.GetAsync(ticketId, TicketRecordMapper.MessagePrefix + TicketKeys.Escape(messageId), ct) is not null;

    public async IAsyncEnumerable<TicketAuditEntry> ReadAuditAsync(string ticketId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var r in _tickets.QueryAsync(RecordQuery.Prefix(ticketId, TicketRecordMapper.AuditPrefix), ct))
            yield return TicketRecordMapper.AuditFromRecord(r);
    }

    public IAsyncEnumerable<Ticket> ListOpenByPartnerAsync(string partnerId, CancellationToken ct = default) =>
        LoadListedAsync(_open, RecordQuery.Partition(partnerId), t => t.PartnerId == partnerId && t.Status.IsActive(), ct);

    public IAsyncEnumerable<Ticket> ListOpenAsync(CancellationToken ct = default) =>
        LoadListedAsync(_open, new RecordQuery(), t => t.Status.IsActive(), ct);

    /// <summary>The partner's tickets that are not closed (resolved ones included).</summary>
    public IAsyncEnumerable<Ticket> ListListedByPartnerAsync(string partnerId, CancellationToken ct = default) =>
        LoadListedAsync(_open, RecordQuery.Partition(partnerId), t => t.PartnerId == partnerId && t.Status != TicketStatus.Closed, ct);

    /// <summary>Every ticket that is not closed (resolved ones included).</summary>
    public IAsyncEnumerable<Ticket> ListListedAsync(CancellationToken ct = default) =>
        LoadListedAsync(_open, new RecordQuery(), t => t.Status != TicketStatus.Closed, ct);

    /// <summary>Every ticket, closed ones included: a scan of the ticket rows across partitions, for admin listings only.</summary>
    public async IAsyncEnumerable<Ticket> ListAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var ticketRows = new RecordQuery { RowKeyFrom = TicketRecordMapper.TicketRow, RowKeyBefore = TicketRecordMapper.TicketRow + '\uffff' };
        await foreach (var r in _tickets.QueryAsync(ticketRows, ct))
            yield return TicketRecordMapper.FromRecord(r);
    }

    /// <summary>
    /// The partner's tickets opened in [<paramref name="since"/>, <paramref name="until"/>), oldest first, closed ones
    /// included: one index range, then a point read of each ticket (index rows whose ticket is missing are skipped).
    /// </summary>
    public async IAsyncEnumerable<Ticket> ListOpenedByPartnerAsync(string partnerId, DateTimeOffset since, DateTimeOffset until,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var range = new RecordQuery { PartitionKey = partnerId, RowKeyFrom = TicketKeys.OpenedRow(since, ""), RowKeyBefore = TicketKeys.OpenedRow(until, "") };
        await foreach (var row in _byPartner.QueryAsync(range, ct))
        {
            if (await GetAsync(row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..], ct) is { } ticket)
                yield return ticket;
        }
    }

    public IAsyncEnumerable<Ticket> ListAssignedAsync(string assigneeId, CancellationToken ct = default) =>
        LoadListedAsync(_mine, RecordQuery.Partition(TicketKeys.Escape(assigneeId)),
            t => t.Status.IsActive() && t.Assignee is { } a && (a.PersonId ?? a.PlatformUserId) == assigneeId, ct);

    private async IAsyncEnumerable<Ticket> LoadListedAsync(IRecordTable listing, RecordQuery query, Func<Ticket, bool> stillListed,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in listing.QueryAsync(query, ct))
        {
            if (await GetAsync(row.RowKey, ct) is { } ticket && stillListed(ticket))
                yield return ticket;
        }
    }

    private async Task CommitAsync(Ticket ticket, RecordOperation ticketOperation, CancellationToken ct)
    {
        var operations = new List<RecordOperation> { ticketOperation };
        operations.AddRange(ticket.PendingAudit.Select(a => RecordOperation.Insert(TicketRecordMapper.ToRecord(ticket.Id, a))));
        operations.AddRange(ticket.PendingMessages.DistinctBy(m => m.MessageId).Select(m => RecordOperation.Upsert(TicketRecordMapper.ToRecord(ticket.Id, m))));
        try
        {
            foreach (var chunk in operations.Chunk(BatchRules.MaxOperations))
                await _tickets.SubmitBatchAsync(chunk, ct);
        }
        catch (BatchFailedException e) when (e.FailedIndex == 0 || e.Cause is RecordExistsException)
        {
            // The ticket row lost a race (or an audit sequence was taken by the winner): surface the cause so
            // OptimisticConcurrency re-reads and re-applies.
            throw e.Cause;
        }
        ticket.PendingAudit.Clear();
        ticket.PendingMessages.Clear();
    }

    private static string? ListedAssignee(Ticket t) => t.Assignee is { } a && t.Status.IsActive() ? a.PersonId ?? a.PlatformUserId : null;

    private async Task UpdateListingsAsync(TicketStatus? oldStatus, string? oldAssignee, Ticket after, CancellationToken ct)
    {
        var row = new StorageRecord(after.PartnerId, after.Id, new Dictionary<string, object?> { ["Status"] = after.Status.ToString(), ["At"] = time.GetUtcNow() });
        if (after.Status == TicketStatus.Closed) await _open.DeleteAsync(after.PartnerId, after.Id, cancellationToken: ct);
        else if (oldStatus != after.Status) await _open.UpsertAsync(row, ct);

        var newAssignee = ListedAssignee(after);
        if (oldAssignee is not null && oldAssignee != newAssignee)
            await _mine.DeleteAsync(TicketKeys.Escape(oldAssignee), after.Id, cancellationToken: ct);
        if (newAssignee is not null && newAssignee != oldAssignee)
            await _mine.UpsertAsync(new StorageRecord(TicketKeys.Escape(newAssignee), after.Id), ct);
    }
}
