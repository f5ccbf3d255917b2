using System.Globalization;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.CheckIns;

/// <summary>
/// The check-in card (cards/checkin.json) for one check-in: the tier's questions while it is open; once answered, who
/// answered instead of the form, so the card in the channel can't be submitted again by accident.
/// </summary>
public sealed class CheckInCard(CardLibrary cards, IPartnerDirectory directory, IOptions<CheckInsOptions> options)
{
    public async Task<JsonObject> CardAsync(CheckIn checkIn, CancellationToken ct) => cards.Expand(CardNames.CheckIn, await DataAsync(checkIn, ct));

    public async Task<JsonObject> DataAsync(CheckIn checkIn, CancellationToken ct)
    {
        var partner = await directory.GetPartnerAsync(checkIn.PartnerId, ct);
        var manager = partner is null ? null : await directory.GetPersonAsync(partner.OwnerId, ct);
        var asked = options.Value.QuestionsFor(partner?.Tier ?? "");
        var questions = new JsonObject();
        foreach (var q in CheckInsOptions.KnownQuestions) questions[q] = asked.Contains(q, StringComparer.Ordinal);
        var cadence = (partner?.CheckIn ?? CheckInCadence.Monthly) switch
        {
            CheckInCadence.Cron => "regular",
            var c => c.ToString().ToLowerInvariant(),
        };
        return new JsonObject
        {
            ["checkInId"] = checkIn.Id,
            ["title"] = $"Check-in, {Day(checkIn)}",
            ["cadence"] = cadence,
            ["manager"] = manager?.Name ?? "your partner manager",
            ["partner"] = new JsonObject
            {
                ["id"] = checkIn.PartnerId,
                ["name"] = partner?.Name ?? checkIn.PartnerId,
                ["contactName"] = $"{partner?.Name ?? checkIn.PartnerId} team",
            },
            ["open"] = !checkIn.IsAnswered,
            ["answeredText"] = AnsweredText(checkIn),
            ["questions"] = questions,
        };
    }

    public static string AnsweredText(CheckIn checkIn) => checkIn.Answers switch
    {
        [] => "",
        [var only] => $"Answered by {only.Name} on {CardText.IsoUtc(only.At)[..10]}. Thank you!",
        var many => $"Answered by {string.Join(", ", many.Select(a => a.Name))}. Thank you!",
    };

    private static string Day(CheckIn checkIn) =>
        CheckInOccurrence.ParseSlot(checkIn.Slot) is { } slot ? slot.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : checkIn.Slot;
}
