using System.Globalization;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Figures;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Tests.Feedback;
using EngageBot.Tests.Slack;
using EngageBot.Tests.Tickets.EndToEnd;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.Digests;

/// <summary>
/// Two weeks of partner life driven through the real host as signed Slack requests (questions, replies, resolutions,
/// ratings, concerns, check-in answers, a risk resolved on its card) on the test's clock; then the digest is built from
/// the store and every figure is compared with a small calculation over the script itself (its own business-hours
/// arithmetic, not the digest's code). Also: who may ask for a digest with the `digest` command.
/// </summary>
public sealed class DigestEndToEndTests : IAsyncLifetime
{
    private const string Olivia = SlackPayloads.InternalUser;
    private const string Mike = "U0MIKE0001";
    private const string Erin = "U0ERIN0001";
    private const string AcmeUser = SlackPayloads.PartnerUser;
    private const string GlobexUser = "U0GLOBEXP1";
    private const string GlobexTeam = "T0GLOBEX01";
    private const string GlobexChannel = "C0GLOBEX01";
    private static readonly IsoWeek W45 = new(2026, 45), W46 = new(2026, 46);

    private static readonly string Directory = $$"""
        version: 1
        policies:
          - tier: gold
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        people:
          - { id: olivia.owner, name: Olivia Owner, slack_user_id: {{Olivia}}, roles: [manager], timezone: UTC }
          - { id: mike.manager, name: Mike Manager, slack_user_id: {{Mike}}, roles: [manager], timezone: UTC }
          - { id: erin.exec, name: Erin Exec, slack_user_id: {{Erin}}, roles: [executive], timezone: UTC }
        partners:
          - id: acme
            name: Acme Corp
            tier: gold
            timezone: UTC
            onboarded: 2025-01-06
            owner: olivia.owner
            executive_sponsor: erin.exec
            check_in: { cadence: weekly, day: monday, time: "10:00" }
            slack: { team_ids: [{{SlackPayloads.PartnerTeam}}], channels: [{{SlackPayloads.Channel}}] }
          - id: globex
            name: Globex Systems
            tier: gold
            timezone: UTC
            onboarded: 2025-03-03
            owner: mike.manager
            executive_sponsor: erin.exec
            check_in: none
            slack: { team_ids: [{{GlobexTeam}}], channels: [{{GlobexChannel}}] }
          - { id: initech, name: Initech, tier: gold, timezone: UTC, onboarded: 2026-11-10, owner: mike.manager, check_in: none }
        """;

    private FakeSlackServer _slack = null!;
    private TicketsSlackHost _host = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser(AcmeUser, SlackPayloads.PartnerTeam, name: "Pat Acme");
        _slack.AddUser(GlobexUser, GlobexTeam, name: "Gil Globex");
        foreach (var u in new[] { Olivia, Mike, Erin }) _slack.AddUser(u, SlackHost.OurTeam, name: u);
        _host = new TicketsSlackHost(_slack, new Dictionary<string, string>
        {
            ["EngageBot:ChurnRisk:Detection:Provider"] = "Rules",
            ["EngageBot:Feedback:RatingSampleRate"] = "1",
            ["EngageBot:Feedback:RatingCooldown"] = "00:00:00",
        });
        _ = _host.Server;
        var imported = await _host.Services.GetRequiredService<DirectoryImporter>().ImportAsync(Directory);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Every_figure_of_the_digest_matches_an_independent_count_of_what_happened()
    {
        var script = new Script();
        // Week 45. Acme asks and is answered in 30 minutes; Globex waits three hours. Acme's check-in goes unanswered.
        await CheckInSweepAsync(At(11, 2, 9, 0));
        var a1 = await AskAsync(script, "acme", At(11, 2, 9, 30), "How do I rotate the API key?");
        await CheckInSweepAsync(At(11, 2, 10, 0));
        await ReplyAsync(script, a1, At(11, 2, 10, 0));
        var g1 = await AskAsync(script, "globex", At(11, 2, 11, 0), "Where is the SSO setup guide?");
        await ReplyAsync(script, g1, At(11, 2, 14, 0));

        // Week 46. Acme: a question answered and resolved within SLA (then rated 2 with words), a question answered late,
        // a concern resolved as saved, a check-in answered. Globex: its old ticket resolved very late (rated 5), a concern left
        // unacknowledged. Initech is onboarded on Tuesday without a channel.
        await CheckInSweepAsync(At(11, 9, 9, 0));
        var a2 = await AskAsync(script, "acme", At(11, 9, 9, 15), "Can we get a sandbox for the new team?");
        await ReplyAsync(script, a2, At(11, 9, 9, 45));
        await CheckInSweepAsync(At(11, 9, 10, 0));
        await AnswerCheckInAsync(script, At(11, 9, 11, 0), rating: 4);
        var acmeRisk = await ConcernAsync(script, "acme", At(11, 9, 12, 0));
        await ResolveAsync(script, a2, At(11, 10, 10, 0));
        await RateAsync(script, a2, At(11, 10, 10, 30), 2, "Took two tries to get a working answer");
        var a3 = await AskAsync(script, "acme", At(11, 10, 13, 0), "Is the bulk export limited to 10k rows?");
        await ReplyAsync(script, a3, At(11, 11, 10, 0));
        await ResolveAsync(script, g1, At(11, 11, 11, 0));
        await RateAsync(script, g1, At(11, 11, 11, 30), 5, "Great in the end");
        await ConcernAsync(script, "globex", At(11, 12, 10, 0));
        await ResolveRiskAsync(script, acmeRisk, At(11, 13, 10, 0), "saved");

        _host.Time.SetUtcNow(At(11, 16, 9, 0));
        var digest = await _host.Services.GetRequiredService<DigestBuilder>().BuildAsync(
            (await _host.Services.GetRequiredService<IPartnerDirectory>().ListPartnersAsync()), W46, TimeZoneInfo.Utc, "all partners", default);

        AssertWeek(script, digest.Current, W46, partners: 3);
        AssertWeek(script, digest.Previous, W45, partners: 2);
        Assert.Equal(Enumerable.Range(39, 8).Select(w => new IsoWeek(2026, w)), digest.Trend.Select(t => t.Week));
        foreach (var week in digest.Trend)
        {
            Assert.Equal(script.Sla(week.Week, firstResponse: true), (week.FirstResponseSla.Met, week.FirstResponseSla.Decided));
            Assert.Equal(script.Sla(week.Week, firstResponse: false), (week.ResolutionSla.Met, week.ResolutionSla.Decided));
        }
        var initech = Assert.Single(digest.Current.NewPartners);
        Assert.Equal(("initech", OnboardingState.NoChannel), (initech.PartnerId, initech.State));
        var quote = Assert.Single(digest.Current.LowRatingQuotes);
        Assert.Equal(("Acme Corp", 2, "Took two tries to get a working answer"), (quote.PartnerName, quote.Rating, quote.Text));
        Assert.DoesNotContain("Pat Acme", quote.Text + quote.PartnerName); // the company, never the person
    }

    [Fact]
    public async Task The_digest_command_gives_each_person_only_their_partners_and_refuses_partner_side_people()
    {
        var script = new Script();
        var a1 = await AskAsync(script, "acme", At(11, 2, 9, 30), "How do I rotate the API key?");
        await AskAsync(script, "globex", At(11, 2, 11, 0), "Where is the SSO setup guide?");
        _host.Time.SetUtcNow(At(11, 9, 9, 0));

        // A digest is built before the reply goes out: allow for a busy machine (the clock's drift does not matter here).
        Task<string> DigestAsync(string user, string channel, string text = "digest") => CommandAsync(user, channel, text, TimeSpan.FromSeconds(60));
        string DirectMessageTo(string user) =>
            string.Join("\n", _slack.CallsTo("chat.postMessage").Where(c => c.Field("channel") == "D" + user).Select(c => c.Body));

        Assert.Equal(Features.Digests.Commands.DigestReplies.InternalOnly, await DigestAsync(AcmeUser, SlackPayloads.Channel));
        Assert.Equal(Features.Digests.Commands.DigestReplies.InternalOnly, await DigestAsync(GlobexUser, GlobexChannel, "digest 2026-W45"));
        Assert.Equal(Features.Digests.Commands.DigestReplies.BadWeek("last-week"), await DigestAsync(Olivia, SlackPayloads.Channel, "digest last-week"));
        _slack.AddUser("U0STRANGER", SlackHost.OurTeam, name: "Stranger");
        Assert.Equal(Features.Digests.Commands.DigestReplies.NotInDirectory, await DigestAsync("U0STRANGER", SlackPayloads.Channel));

        Assert.Equal("Sent you the digest for week 2026-W45 (your portfolio, 1 partner) by direct message.", await DigestAsync(Olivia, SlackPayloads.Channel));
        Assert.StartsWith("Sent you the digest for week 2026-W45 (your portfolio, 1 partner)", await DigestAsync(Mike, GlobexChannel));
        Assert.StartsWith("Sent you the digest for week 2026-W45 (partners you sponsor, 2 partners)", await DigestAsync(Erin, SlackPayloads.Channel));
        await ClockedEventually.TrueAsync(_host.Time, () => new[] { Olivia, Mike, Erin }.All(u => DirectMessageTo(u).Contains("Partner digest, week 2026-W45", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60));
        Assert.Contains("Acme Corp", DirectMessageTo(Olivia));
        Assert.DoesNotContain("Globex", DirectMessageTo(Olivia));
        Assert.DoesNotContain("Acme", DirectMessageTo(Mike));
        Assert.Contains("Globex Systems", DirectMessageTo(Erin));
        Assert.Contains("Acme Corp", DirectMessageTo(Erin));
        // Nothing reached a partner's shared channel: only ephemeral replies and direct messages.
        Assert.DoesNotContain(_slack.CallsTo("chat.postMessage"), c => c.Body.Contains("Partner digest", StringComparison.Ordinal) && c.Field("channel")?.StartsWith('C') == true);
        Assert.NotNull(a1);
    }

    private void AssertWeek(Script s, WeekFigures f, IsoWeek week, int partners)
    {
        var (start, end) = Range(week);
        Assert.Equal(partners, f.Partners);
        Assert.Equal(s.PartnerActs.Where(a => a.At >= start && a.At < end).Select(a => a.Partner).Distinct().Count(), f.ActivePartners);
        Assert.Equal(partners - f.ActivePartners, f.PassivePartners);
        Assert.Equal(s.Tickets.Count(t => t.Opened >= start && t.Opened < end), f.TicketsOpened);
        Assert.Equal(s.Tickets.Count(t => t.Resolved >= start && t.Resolved < end), f.TicketsResolved);
        Assert.Equal(s.Sla(week, firstResponse: true), (f.FirstResponseSla.Met, f.FirstResponseSla.Decided));
        Assert.Equal(s.Sla(week, firstResponse: false), (f.ResolutionSla.Met, f.ResolutionSla.Decided));
        var hours = s.Tickets.Where(t => t.Answered >= start && t.Answered < end).Select(t => BusinessHours(t.Opened, t.Answered!.Value)).Order().ToList();
        // Within a minute: the host's clock ticks while the test waits for each step.
        AssertClose(NearestRank(hours, 50), f.MedianFirstResponseHours);
        AssertClose(NearestRank(hours, 90), f.P90FirstResponseHours);
        Assert.Equal(s.Risks.Count(r => r.Opened >= start && r.Opened < end), f.NewRisks.Values.Sum());
        Assert.Equal(s.Risks.Count(r => r.Opened >= start && r.Opened < end), f.NewRisks[ChurnSeverity.Medium]); // a concern without words is medium
        Assert.Equal(s.Risks.Count(r => r.Opened < end && !(r.Resolved < end)), f.OpenRisks.Values.Sum());
        Assert.Equal(s.Risks.Count(r => r.Opened < end && !(r.Resolved < end)), f.UnacknowledgedRisks); // nobody acknowledged
        Assert.Equal(s.Risks.Count(r => r.Resolved >= start && r.Resolved < end && r.Outcome == "saved"), f.RisksSaved);
        Assert.Equal(0, f.RisksLost);
        var ratings = s.Ratings.Where(r => r.At >= start && r.At < end).ToList();
        Assert.Equal(ratings.Count, f.FeedbackCount);
        Assert.Equal(ratings.Count, f.RatingCount);
        AssertClose(ratings.Count == 0 ? null : ratings.Average(r => r.Rating), f.AverageRating);
        Assert.Equal(ratings.Where(r => r.Category is not null).GroupBy(r => r.Category!).Select(g => $"{g.Key} {g.Count()}").Order(),
            f.TopCategories.Select(c => $"{c.Category} {c.Count}").Order());
        Assert.Equal(s.CheckIns.Count(c => c.Posted >= start && c.Posted < end), f.CheckInsPosted);
        Assert.Equal(s.CheckIns.Count(c => c.Posted >= start && c.Posted < end && c.Answered), f.CheckInsAnswered);
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e) Assert.InRange(actual!.Value, e - 1 / 60.0, e + 1 / 60.0);
    }

    // ---- the script: what the test did, as the test knows it ----

    private sealed class Script
    {
        public List<(string Partner, DateTimeOffset At)> PartnerActs { get; } = [];
        public List<ScriptTicket> Tickets { get; } = [];
        public List<(string Partner, DateTimeOffset Opened, DateTimeOffset? Resolved, string? Outcome, string RiskId)> Risks { get; } = [];
        public List<(DateTimeOffset At, double Rating, string? Category)> Ratings { get; } = [];
        public List<(DateTimeOffset Posted, bool Answered)> CheckIns { get; } = [];

        /// <summary>Met and decided outcomes of one SLA clock in a week: met when done within target, else missed at the deadline.</summary>
        public (int Met, int Decided) Sla(IsoWeek week, bool firstResponse)
        {
            var (start, end) = Range(week);
            var target = firstResponse ? 2.0 : 16.0;
            int met = 0, decided = 0;
            foreach (var t in Tickets)
            {
                var done = firstResponse ? t.Answered : t.Resolved;
                var deadline = AddBusinessHours(t.Opened, target);
                DateTimeOffset? at = done is { } d && BusinessHours(t.Opened, d) <= target ? d : deadline < end ? deadline : null;
                if (at is not { } when || when < start || when >= end) continue;
                decided++;
                if (done is { } d2 && BusinessHours(t.Opened, d2) <= target) met++;
            }
            return (met, decided);
        }
    }

    private sealed record ScriptTicket(string Partner, string Ts, string Id, DateTimeOffset Opened)
    {
        public DateTimeOffset? Answered { get; set; }
        public DateTimeOffset? Resolved { get; set; }
    }

    // ---- the test's own business-hours arithmetic: UTC, Monday to Friday, 09:00-17:00, minute by minute ----

    private static double BusinessHours(DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = 0;
        for (var t = from; t < to; t = t.AddMinutes(1))
            if (t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 9 and < 17) minutes++;
        return minutes / 60.0;
    }

    private static DateTimeOffset AddBusinessHours(DateTimeOffset from, double hours)
    {
        var t = from;
        for (var left = (int)(hours * 60); left > 0; t = t.AddMinutes(1))
            if (t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 9 and < 17) left--;
        return t;
    }

    private static double? NearestRank(List<double> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1];

    private static (DateTimeOffset Start, DateTimeOffset End) Range(IsoWeek week)
    {
        var monday = ISOWeek.ToDateTime(week.Year, week.Week, DayOfWeek.Monday);
        return (new DateTimeOffset(monday, TimeSpan.Zero), new DateTimeOffset(monday.AddDays(7), TimeSpan.Zero));
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string Ts(DateTimeOffset at) => $"{at.ToUnixTimeSeconds()}.000100";

    // ---- driving the real host ----

    private async Task<ScriptTicket> AskAsync(Script s, string partner, DateTimeOffset at, string text)
    {
        _host.Time.SetUtcNow(at);
        var ts = Ts(at);
        var (user, team, channel) = Partner(partner);
        var ev = SlackPayloads.Message(ts, text, user, team);
        ev["channel"] = channel;
        await _host.PostEventAsync(ev, "Ev" + Interlocked.Increment(ref _events));
        var tickets = _host.Services.GetRequiredService<TicketService>();
        Ticket? ticket = null;
        await ClockedEventually.TrueAsync(_host.Time, () => (ticket = tickets.FindByMessageAsync(new ConversationRef(ChatPlatform.Slack, channel), ts, default).Result) is not null);
        s.PartnerActs.Add((partner, at));
        var scripted = new ScriptTicket(partner, ts, ticket!.Id, at);
        s.Tickets.Add(scripted);
        return scripted;
    }

    private async Task ReplyAsync(Script s, ScriptTicket t, DateTimeOffset at)
    {
        _host.Time.SetUtcNow(at);
        var ev = SlackPayloads.Message(Ts(at), "Here is how.", Olivia, SlackHost.OurTeam, t.Ts);
        ev["channel"] = Partner(t.Partner).Channel;
        await _host.PostEventAsync(ev, "Ev" + Interlocked.Increment(ref _events));
        await EventuallyTicketAsync(t.Id, x => x.FirstResponseAt is not null);
        t.Answered = at;
    }

    private async Task ResolveAsync(Script s, ScriptTicket t, DateTimeOffset at)
    {
        _host.Time.SetUtcNow(at);
        var reply = await CommandAsync(Olivia, Partner(t.Partner).Channel, $"resolve {t.Id}");
        Assert.True(await TicketAsync(t.Id) is { Status: TicketStatus.Resolved } || reply.Contains("esolved", StringComparison.Ordinal), reply);
        await EventuallyTicketAsync(t.Id, x => x.Status == TicketStatus.Resolved);
        t.Resolved = at;
    }

    private async Task RateAsync(Script s, ScriptTicket t, DateTimeOffset at, int rating, string comment)
    {
        _host.Time.SetUtcNow(at);
        var (user, team, _) = Partner(t.Partner);
        await ClockedEventually.TrueAsync(_host.Time, () => _slack.CallsTo("chat.postMessage").Any(c => c.Field("thread_ts") == t.Ts && c.Body.Contains("How did we do", StringComparison.Ordinal)));
        var response = await InteractAsync(SlackFeedbackWorld.ViewSubmission(CardVerbs.FeedbackRate, $"{{\"ticketId\":\"{t.Id}\"}}", user, team,
            (CardInputs.Rating, SlackFeedbackWorld.Radio(rating.ToString(CultureInfo.InvariantCulture))), (CardInputs.Comment, SlackFeedbackWorld.TextInput(comment))));
        Assert.Contains($"you rated the answer {rating}/5", await response.Content.ReadAsStringAsync());
        s.Ratings.Add((at, rating, "Support")); // a ticket's rating is feedback about support
        s.PartnerActs.Add((t.Partner, at));
    }

    private async Task<string> ConcernAsync(Script s, string partner, DateTimeOffset at)
    {
        _host.Time.SetUtcNow(at);
        var (user, _, channel) = Partner(partner);
        await CommandAsync(user, channel, "concern");
        var store = _host.Services.GetRequiredService<ChurnRiskStore>();
        Features.ChurnRisk.Escalation.ChurnRisk? risk = null;
        await ClockedEventually.TrueAsync(_host.Time, () => (risk = store.ListByPartnerAsync(partner, DateTimeOffset.MaxValue).ToListAsync().AsTask().Result.SingleOrDefault()) is not null);
        s.Risks.Add((partner, at, null, null, risk!.Id));
        s.PartnerActs.Add((partner, at));
        return risk.Id;
    }

    private async Task ResolveRiskAsync(Script s, string riskId, DateTimeOffset at, string outcome)
    {
        _host.Time.SetUtcNow(at);
        var response = await InteractAsync(SlackFeedbackWorld.ViewSubmission(CardVerbs.ChurnResolve, $"{{\"riskId\":\"{riskId}\"}}", Olivia, SlackHost.OurTeam,
            (CardInputs.Outcome, SlackFeedbackWorld.Select(outcome))));
        Assert.True(response.IsSuccessStatusCode);
        var store = _host.Services.GetRequiredService<ChurnRiskStore>();
        await ClockedEventually.TrueAsync(_host.Time, () => store.GetAsync(riskId).Result?.Status == RiskStatus.Resolved);
        var i = s.Risks.FindIndex(r => r.RiskId == riskId);
        s.Risks[i] = s.Risks[i] with { Resolved = at, Outcome = outcome };
    }

    private async Task CheckInSweepAsync(DateTimeOffset at)
    {
        _host.Time.SetUtcNow(at);
        await _host.Services.GetRequiredService<CheckInSweeper>().SweepAsync(default);
    }

    private async Task AnswerCheckInAsync(Script s, DateTimeOffset at, int rating)
    {
        var store = _host.Services.GetRequiredService<CheckInStore>();
        var all = await store.ListAsync("acme").ToListAsync();
        s.CheckIns.Clear();
        _host.Time.SetUtcNow(at);
        var open = all.OrderBy(c => c.PostedAt).Last();
        var submission = SlackFeedbackWorld.ViewSubmission(CardVerbs.CheckInSubmit, new JsonObject { ["checkInId"] = open.Id, ["partnerId"] = "acme" }.ToJsonString(),
            AcmeUser, SlackPayloads.PartnerTeam, (CardInputs.Rating, SlackFeedbackWorld.Radio(rating.ToString(CultureInfo.InvariantCulture))));
        Assert.True((await InteractAsync(submission)).IsSuccessStatusCode);
        await ClockedEventually.TrueAsync(_host.Time, () => store.GetAsync("acme", open.Id).Result?.IsAnswered == true);
        foreach (var c in all) s.CheckIns.Add((c.PostedAt, c.Id == open.Id));
        s.Ratings.Add((at, rating, null));
        s.PartnerActs.Add(("acme", at));
    }

    /// <summary>A slash command; returns the private reply it got (through its response_url, or chat.postEphemeral).</summary>
    private async Task<string> CommandAsync(string user, string channel, string text, TimeSpan? timeout = null)
    {
        var hook = "cmd" + Interlocked.Increment(ref _events);
        var ephemerals = _slack.CallsTo("chat.postEphemeral").Count;
        var response = await _host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand(text, channel, user: user, responseUrl: _slack.ResponseUrl(hook), trigger: $"1334.7384.{hook}"),
            "application/x-www-form-urlencoded");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        string? Reply() => _slack.CallsTo("response_url:" + hook).FirstOrDefault()?.Field("text")
            ?? _slack.CallsTo("chat.postEphemeral").Skip(ephemerals).FirstOrDefault(c => c.Field("user") == user)?.Field("text");
        try
        {
            await ClockedEventually.TrueAsync(_host.Time, () => Reply() is not null, timeout);
        }
        catch (Exception) when (Reply() is null)
        {
            Assert.Fail($"No reply to '{text}' by {user}; calls: " + string.Join(" | ", _slack.CallsTo("chat.postMessage").TakeLast(5).Select(c => c.Body)));
        }
        return Reply()!;
    }

    private Task<HttpResponseMessage> InteractAsync(JsonObject payload) =>
        _host.PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    private Task<Ticket?> TicketAsync(string id) => _host.Services.GetRequiredService<TicketService>().Store.GetAsync(id, default);

    private async Task EventuallyTicketAsync(string id, Func<Ticket, bool> condition)
    {
        var tickets = _host.Services.GetRequiredService<TicketService>();
        await ClockedEventually.TrueAsync(_host.Time, () => tickets.Store.GetAsync(id, default).Result is { } t && condition(t));
    }

    private static (string User, string Team, string Channel) Partner(string id) => id == "acme"
        ? (AcmeUser, SlackPayloads.PartnerTeam, SlackPayloads.Channel)
        : (GlobexUser, GlobexTeam, GlobexChannel);
}
