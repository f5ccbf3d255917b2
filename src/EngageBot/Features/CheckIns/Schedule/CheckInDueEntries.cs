using EngageBot.Scheduling;

namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>
/// How check-ins use the shared due index and claim ledger. Due steps: "post|{slot}" (subject = partner) and
/// "remind|{check-in id}" (subject = partner). Claim keys (job, subject, scheduled local time): "checkin|{slot}" and
/// "reminder|{slot}" under the partner.
/// </summary>
public static class CheckInDueEntries
{
    public const string Table = "CheckInDue";
    public const string Claims = "CheckInClaims";
    public const string PostPrefix = "post|";
    public const string RemindPrefix = "remind|";

    public static DueEntry Post(ScheduledCheckIn row) => new(row.PartnerId, PostPrefix + row.Slot, row.At, row.At);

    public static DueEntry Remind(CheckIn checkIn, DateTimeOffset at) => new(checkIn.PartnerId, RemindPrefix + checkIn.Id, at, at);

    public static string PostClaim(string slot) => "checkin|" + slot;

    public static string ReminderClaim(string slot) => "reminder|" + slot;
}
