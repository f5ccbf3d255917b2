using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory;

/// <summary>
/// The partner directory as features read it (tickets, check-ins, digests, nudges). Served from a cached
/// snapshot that is at most <see cref="DirectoryOptions.RefreshInterval"/> behind the store.
/// </summary>
public interface IPartnerDirectory
{
    /// <summary>The whole current directory, consistent within itself (one imported version plus chat-made links).</summary>
    Task<DirectorySnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    Task<Partner?> GetPartnerAsync(string partnerId, CancellationToken cancellationToken = default);

    /// <summary>All partners, sorted by id.</summary>
    Task<IReadOnlyList<Partner>> ListPartnersAsync(CancellationToken cancellationToken = default);

    Task<Person?> GetPersonAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>People holding a role (e.g. every admin), sorted by id.</summary>
    Task<IReadOnlyList<Person>> ListPeopleInRoleAsync(PersonRole role, CancellationToken cancellationToken = default);

    /// <summary>The joint customers of a partner (empty for an unknown partner).</summary>
    Task<IReadOnlyList<Customer>> GetCustomersOfPartnerAsync(string partnerId, CancellationToken cancellationToken = default);

    Task<SlaPolicy?> GetSlaPolicyAsync(string tier, CancellationToken cancellationToken = default);

    /// <summary>The partner's business-hours calendar: the one it names, else its time zone, Mon–Fri 09:00–17:00.</summary>
    Task<BusinessCalendar?> GetCalendarForPartnerAsync(string partnerId, CancellationToken cancellationToken = default);
}
