using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.Interactions;

namespace EngageBot.Tests.EndToEnd;

/// <summary>Bot messages enqueued on the real outbox reach fake Slack with the right methods, fields and token.</summary>
public sealed class SlackOutboundEndToEndTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private static readonly ConversationRef Northwind = new(ChatPlatform.Slack, "C07NWSHARED");

    [Fact]
    public async Task A_post_its_update_by_reference_and_a_dm_reach_Slack_and_the_interaction_log()
    {
        var outbox = world.Service<IOutbox>();
        await outbox.EnqueueAsync("e2e:slack:post", DeliveryTarget.Post(Northwind), new OutboundMessage("Welcome to EngageBot"));
        await outbox.EnqueueAsync("e2e:slack:update", OutboxReference.Update(Northwind, "e2e:slack:post"), new OutboundMessage("Welcome to EngageBot (updated)"));
        await outbox.EnqueueAsync("e2e:slack:dm", DeliveryTarget.Direct(ChatPlatform.Slack, "U07PRIYA01"), new OutboundMessage("Northwind is waiting on you"));

        await EndToEndWorld.EventuallyAsync(() => Task.FromResult(world.Slack.CallsTo("chat.update").Count == 1
            && world.Slack.CallsTo("chat.postMessage").Count(c => c.Field("text") == "Northwind is waiting on you") == 1), "update and DM");
        var post = Assert.Single(world.Slack.CallsTo("chat.postMessage"), c => c.Field("text") == "Welcome to EngageBot");
        Assert.Equal("C07NWSHARED", post.Field("channel"));
        var posted = await world.Service<IOutboxStatus>().GetAsync("e2e:slack:post");
        var update = world.Slack.CallsTo("chat.update").Single();
        Assert.Equal(("C07NWSHARED", posted!.Message!.MessageId, "Welcome to EngageBot (updated)"), (update.Field("channel"), update.Field("ts"), update.Field("text")));
        Assert.Equal("U07PRIYA01", world.Slack.CallsTo("conversations.open").Single().Field("users"));
        Assert.Equal("DU07PRIYA01", world.Slack.CallsTo("chat.postMessage").Single(c => c.Field("text") == "Northwind is waiting on you").Field("channel"));
        Assert.All(world.Slack.Calls, c => Assert.Equal("Bearer xoxb-e2e-token", c.Authorization));

        await EndToEndWorld.EventuallyAsync(async () =>
        {
            var outbound = (await world.InteractionsAsync()).Where(i => i.Direction == InteractionDirection.Outbound).Select(i => i.Text).ToList();
            return outbound.Contains("Welcome to EngageBot") && outbound.Contains("Northwind is waiting on you");
        }, "outbound messages in the interaction log");
    }
}
