using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Tests.EndToEnd;

namespace EngageBot.Tests.Feedback;

/// <summary>Rating an answer on Teams: the rating card's Action.Execute arrives as a JWT-authenticated invoke from the asker.</summary>
public sealed class TeamsTicketRatingTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string TulipChannel = "19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2";
    private const string TulipTenant = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private const string TessAad = "0a0b0c0d-0000-0000-0000-0000000fee02";
    private const string LenaAad = "8b1d4e7f-2c3a-4b5d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public async Task Only_the_asker_can_rate_and_the_rating_is_stored_once_as_feedback_on_the_ticket()
    {
        var question = world.TeamsChannelActivity("message", "1790000001000", TulipChannel, "29:1tess", TessAad, TulipTenant, rootId: "1790000001000");
        question["text"] = "Our deployment fails with error 500, can you help?";
        await world.PostTeamsAsync(question);
        var tickets = world.Service<TicketService>();
        Ticket? ticket = null;
        await EndToEndWorld.EventuallyAsync(async () => (ticket = await tickets.FindByMessageAsync(new ConversationRef(ChatPlatform.Teams, TulipChannel), "1790000001000", default)) is not null,
            "the partner's question became a ticket");

        var byLena = await world.PostTeamsAsync(Rate("f:rate-1", "29:1lena", LenaAad, EndToEndHost.OurTenant, ticket!.Id, "5"));
        Assert.Contains("Only", await byLena.Content.ReadAsStringAsync());

        var byTess = await world.PostTeamsAsync(Rate("f:rate-2", "29:1tess", TessAad, TulipTenant, ticket.Id, "5", "Solved in minutes"));
        var again = await world.PostTeamsAsync(Rate("f:rate-3", "29:1tess", TessAad, TulipTenant, ticket.Id, "2"));

        Assert.Contains("was received", await byTess.Content.ReadAsStringAsync());
        Assert.Contains("already been rated", await again.Content.ReadAsStringAsync());
        var stored = new List<FeedbackEntry>();
        await foreach (var e in world.Service<FeedbackStore>().ListAsync("tulip-systems", DateTimeOffset.UnixEpoch)) stored.Add(e);
        var entry = Assert.Single(stored, e => e.SourceId == ticket.Id);
        Assert.Equal((FeedbackSource.TicketRating, 5, "Solved in minutes", "29:1tess"), (entry.Source, entry.Rating, entry.Text, entry.Author!.UserId));
        Assert.Equal(new MessageRef(new ConversationRef(ChatPlatform.Teams, TulipChannel), "1790000001000"), entry.SourceMessage);
    }

    private JsonObject Rate(string id, string fromId, string aad, string tenant, string ticketId, string rating, string comment = "")
    {
        var invoke = world.TeamsChannelActivity("invoke", id, TulipChannel, fromId, aad, tenant, rootId: "1790000001000");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["verb"] = CardVerbs.FeedbackRate,
                ["data"] = new JsonObject { ["ticketId"] = ticketId, [CardInputs.Rating] = rating, [CardInputs.Comment] = comment },
            },
            ["trigger"] = "manual",
        };
        return invoke;
    }
}
