using EngageBot.Channels;
using EngageBot.Features.Interactions;

namespace EngageBot.Benchmarks.Interactions;

/// <summary>Deterministic, realistic-looking partner-channel traffic: ~50 partners, a mix of questions, replies and reactions over 60 days.</summary>
internal static class InteractionFaker
{
    private static readonly string[] Openers =
    [
        "Hi team, quick question:", "Following up on yesterday's call -", "Hey @channel,", "Thanks for the update!", "Urgent:",
        "Morning all.", "FYI", "Can someone from your side confirm", "We're seeing an issue where", "Per our QBR notes,",
    ];

    private static readonly string[] Bodies =
    [
        "the deal registration for Contoso is still pending approval in the portal, can you check?",
        "our customer wants a quote for 250 seats with the partner discount applied before Friday.",
        "the API returns 429s since this morning when we sync more than 10k records.",
        "when is the next enablement session for the new SKU? Our sellers need the deck.",
        "we closed the Fabrikam renewal, please update the co-sell record.",
        "the MDF claim from Q3 was rejected, no reason given. Who can help?",
        "could you share the updated price list (EUR) and the certification requirements?",
        "our integration tests fail on the sandbox tenant after the last release; logs attached.",
        "ok, sounds good — we'll send the signed SOW by end of day.",
        "is there a roadmap date for SSO support? Two prospects are blocked on it.",
    ];

    public static List<Interaction> Generate(int count, int partners, DateTimeOffset now, int seed = 42)
    {
        var random = new Random(seed);
        var list = new List<Interaction>(count);
        var start = now - TimeSpan.FromDays(60);
        var span = (now - start).Ticks;
        for (var i = 0; i < count; i++)
        {
            var partner = random.Next(partners + 1);
            var inbound = random.NextDouble() < 0.6;
            var kind = random.NextDouble() switch { < 0.7 => "message", < 0.9 => "reply", < 0.97 => "reaction", _ => "edit" };
            var text = kind == "reaction" ? ":+1:" : Openers[random.Next(Openers.Length)] + " " + Bodies[random.Next(Bodies.Length)];
            list.Add(new Interaction(
                random.Next(2) == 0 ? ChatPlatform.Slack : ChatPlatform.Teams,
                $"C{partner:D4}",
                random.Next(3) == 0 ? null : $"{1_700_000_000 + random.Next(1_000_000)}.{random.Next(1_000_000):D6}",
                $"m{i:D8}",
                partner == partners ? null : $"partner-{partner:D3}",
                inbound ? $"U{random.Next(500):D5}" : "B0000BOT",
                inbound ? $"Partner user {random.Next(500)}" : "EngageBot",
                inbound ? AuthorKind.Partner : AuthorKind.Bot,
                text,
                start + TimeSpan.FromTicks((long)(random.NextDouble() * span)),
                kind,
                inbound ? InteractionDirection.Inbound : InteractionDirection.Outbound));
        }
        // Arrival order: appends come in time order.
        list.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return list;
    }
}
