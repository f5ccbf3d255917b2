using System.Globalization;
using System.Text.Json.Nodes;

namespace EngageBot.Channels.Playground.Demo;

/// <summary>
/// The scripted week on the sample directory, from a Monday 09:00 in New York (Northwind's zone and its owner Priya's).
/// Each step acts as a person through the playground and prints what the service did in response.
/// </summary>
internal sealed class DemoWeek(DemoPlayer play, DemoTranscriptWriter say, TimeZoneInfo zone, Func<DateOnly, (DateTimeOffset At, TimeZoneInfo Zone)> digestSendTime)
{
    private const string Kenji = "contact.northwind";
    private const string Mia = "contact.tulip-systems";
    private const string Priya = "priya.nair";
    private const string Lena = "lena.vogel";
    private const string Elena = "elena.ortiz";
    private static readonly string Northwind = PlaygroundWorld.SharedChannel("northwind");
    private static readonly string Tulip = PlaygroundWorld.SharedChannel("tulip-systems");

    public async Task PlayAsync()
    {
        var monday = NextMonday(play.Now);
        await play.AdvanceToAsync(At(monday, 8, 55));

        say.Heading(play.Now.AddMinutes(5), "a partner asks a question; the owner takes it and answers at once");
        await play.AdvanceToAsync(At(monday, 9, 0));
        var rotate = await play.SayAsync(Kenji, Northwind, "How do we rotate the API key for our production tenant?");
        var triage = play.Latest(m => m.ChannelId == PlaygroundWorld.TriageChannel && m.Card is not null, "a triage card");
        await play.AdvanceAsync(TimeSpan.FromMinutes(5));
        await play.PressAsync(Priya, triage, "Assign to me");
        await play.AdvanceAsync(TimeSpan.FromMinutes(10));
        await play.SayAsync(Priya, Northwind, "Settings → API keys → Rotate. The old key keeps working for 24 hours.", rotate.Id);
        await play.SayAsync(Kenji, Northwind, "Perfect, rotated. Thanks!", rotate.Id);
        await play.AdvanceAsync(TimeSpan.FromMinutes(5));
        await play.ReactAsync(Priya, rotate, "white_check_mark");

        say.Heading(play.Now, "the partner rates the answer (feedback)");
        var rating = play.Latest(m => m.ChannelId == Northwind && HasVerb(m, "feedback.rate"), "a rating invitation");
        await play.PressAsync(Kenji, rating, ButtonTitle(rating), new JsonObject { ["rating"] = "4", ["comment"] = "Quick and clear." });

        say.Heading(play.Now.AddMinutes(10), "a second question nobody answers");
        await play.AdvanceAsync(TimeSpan.FromMinutes(10));
        var sso = await play.SayAsync(Kenji, Northwind, "Since this morning new users can't sign in with SSO. Can someone check?");

        say.Heading(At(monday, 10, 0), "the weekly check-in, answered with a low score");
        await play.AdvanceToAsync(At(monday, 10, 0));
        var checkIn = play.Latest(m => m.ChannelId == Northwind && HasVerb(m, "checkin.submit"), "the weekly check-in card");
        await play.PressAsync(Kenji, checkIn, ButtonTitle(checkIn), new JsonObject
        {
            ["rating"] = "2", ["blocking"] = "The SSO problem blocks onboarding our new team.", ["comment"] = "Rough week: support is slow to answer.",
        });

        say.Heading(At(monday, 11, 15), "the SSO question nears its 2-hour first-response target: warning");
        await play.AdvanceToAsync(At(monday, 11, 15));
        say.Heading(At(monday, 11, 45), "the target passes: breach");
        await play.AdvanceToAsync(At(monday, 11, 45));
        say.Heading(At(monday, 15, 50), "still no answer 4 hours later: escalation to the backup owner");
        await play.AdvanceToAsync(At(monday, 15, 50));

        say.Heading(At(monday, 16, 0), "the slow answer finally comes");
        await play.AdvanceToAsync(At(monday, 16, 0));
        await play.SayAsync(Priya, Northwind, "Sorry for the wait: we found the SSO bug, the fix deploys tonight.", sso.Id);

        var tuesday = monday.AddDays(1);
        say.Heading(At(tuesday, 8, 5), "the daily manager nudge, at the start of each owner's working day");
        await play.AdvanceToAsync(At(tuesday, 8, 5));

        say.Heading(At(tuesday, 10, 0), "a partner warns that a customer may churn; the account owner acknowledges");
        await play.AdvanceToAsync(At(tuesday, 10, 0));
        await play.SayAsync(Mia, Tulip, "Heads up: Fabrikam is evaluating a competitor and may not renew next quarter.");
        var risk = play.Latest(m => m.ChannelId == PlaygroundWorld.DirectChannel(Lena) && m.Card is not null, "a churn-risk card to Lena");
        await play.AdvanceAsync(TimeSpan.FromMinutes(20));
        await play.PressAsync(Lena, risk, "Acknowledge");

        // The weekly job's own path: the clock jumps to the executive's send time and the scheduled sweeps run, as the
        // page's clock control makes them; the digest covers the week just played.
        var (digestAt, elenaZone) = digestSendTime(monday.AddDays(7));
        say.Heading(digestAt, $"the weekly executive digest of the week just played: {TimeZoneInfo.ConvertTime(digestAt, elenaZone).ToString("dddd HH:mm", CultureInfo.InvariantCulture)} on "
            + $"the executive's clock ({elenaZone.Id}); the jump also runs the week's overdue escalations");
        await play.AdvanceToAsync(digestAt);
        var digest = await play.AwaitAsync(m => m.ChannelId == PlaygroundWorld.DirectChannel(Elena) && m.Card is not null && m.At >= digestAt, "the weekly digest to Elena");
        say.Card(digest);
    }

    private static bool HasVerb(PlaygroundMessage m, string verb) =>
        m.Card is { } card && Cards.CardElements.Actions(card).Any(a => Cards.CardElements.OptionalString(a, "verb") == verb || a["data"]?["verb"]?.GetValue<string>() == verb);

    private static string ButtonTitle(PlaygroundMessage card) =>
        Cards.CardElements.Actions(card.Card!).Select(a => Cards.CardElements.String(a, "title")).First(t => t.Length > 0);

    private DateTimeOffset At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly NextMonday(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1);
        while (today.DayOfWeek != DayOfWeek.Monday) today = today.AddDays(1);
        return today;
    }
}
