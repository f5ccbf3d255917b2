using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// Who hears about a risk at each level: 0 the owner (the customer's account owner, else the partner's owner),
/// 1 the partner's backup owner, 2 its executive sponsor, then every repeat the whole chain again.
/// </summary>
public sealed class EscalationChain(IPartnerDirectory directory)
{
    public const int BackupLevel = 1;
    public const int SponsorLevel = 2;

    /// <summary>The person a new risk goes to, or null when neither the customer nor the partner names an owner we know.</summary>
    public async Task<Person?> OwnerForAsync(string partnerId, ChurnKind kind, string? customer, CancellationToken ct)
    {
        if (kind == ChurnKind.Customer && customer is not null)
        {
            var customers = await directory.GetCustomersOfPartnerAsync(partnerId, ct);
            var match = customers.FirstOrDefault(c => Matches(c, customer));
            if (match?.AccountOwnerId is { } accountOwner && await directory.GetPersonAsync(accountOwner, ct) is { } person) return person;
        }
        return await directory.GetPartnerAsync(partnerId, ct) is { } partner ? await directory.GetPersonAsync(partner.OwnerId, ct) : null;
    }

    public async Task<IReadOnlyList<Person>> RecipientsAsync(ChurnRisk risk, int level, CancellationToken ct)
    {
        var partner = await directory.GetPartnerAsync(risk.PartnerId, ct);
        IEnumerable<string?> ids = level switch
        {
            0 => [risk.OwnerId],
            BackupLevel => [partner?.BackupOwnerId],
            SponsorLevel => [partner?.ExecutiveSponsorId],
            _ => [risk.OwnerId, partner?.BackupOwnerId, partner?.ExecutiveSponsorId],
        };
        var people = new List<Person>();
        foreach (var id in ids.OfType<string>().Distinct(StringComparer.Ordinal))
            if (await directory.GetPersonAsync(id, ct) is { } person) people.Add(person);
        return people;
    }

    /// <summary>The person's user id on the platform the signal came from, else on another they are on.</summary>
    public static (ChatPlatform Platform, string UserId)? Address(Person person, ChatPlatform preferred) =>
        person.Identities.Preferring(preferred) is { } id ? (id.Platform, id.UserId) : null;

    public static bool Matches(Customer c, string name) =>
        string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(c.Id, name, StringComparison.OrdinalIgnoreCase)
        || c.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}
