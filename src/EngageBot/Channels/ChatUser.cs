namespace EngageBot.Channels;

/// <summary>Who wrote something, as the adapter could tell from the platform (Slack Connect team ids, Teams tenant ids) and the people directory.</summary>
public enum AuthorKind { Partner, Internal, Bot, Unknown }

/// <param name="Id">The platform's user id (Slack U…, Teams 29:…).</param>
/// <param name="AadObjectId">Teams only: the Entra object id the people directory keys on.</param>
/// <param name="HomeTeamId">Slack team id or Teams tenant id the user belongs to.</param>
public sealed record ChatUser(string Id, string? DisplayName, AuthorKind Kind, string? AadObjectId = null, string? HomeTeamId = null);
