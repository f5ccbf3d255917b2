using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Playground;

public sealed class PlaygroundTests
{
    [Theory]
    [InlineData("/playground")]
    [InlineData("/playground/api/state")]
    [InlineData("/playground/assets/playground.js")]
    public async Task The_playground_is_not_routed_in_Production(string path)
    {
        await using var host = new PlaygroundHost("Production");
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/playground/api/clock", new { minutes = 60 })).StatusCode);
    }

    [Fact]
    public async Task The_setting_turns_the_playground_off_in_Development_and_on_elsewhere()
    {
        await using (var off = new PlaygroundHost("Development", enabled: false))
            Assert.Equal(HttpStatusCode.NotFound, (await off.CreateClient().GetAsync("/playground")).StatusCode);
        await using var on = new PlaygroundHost("Staging", enabled: true);
        var page = await on.CreateClient().GetAsync("/playground");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("adaptivecards.min.js", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_partner_question_gets_an_acknowledgement_and_a_triage_card_whose_button_goes_through_the_card_action_handlers()
    {
        await using var host = new PlaygroundHost("Development");
        await host.ImportSampleDirectoryAsync();
        var client = host.CreateClient();

        var posted = await client.PostAsJsonAsync("/playground/api/messages",
            new { userId = "contact.northwind", channelId = "shared-northwind", text = "How do we rotate the API key for our production tenant?" });
        posted.EnsureSuccessStatusCode();
        var question = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        var ack = await host.WaitForAsync(client, m => (string?)m["threadId"] == (string?)question["id"] && ((string?)m["text"])!.Contains("logged this as ticket"), "acknowledgement");
        var triage = await host.WaitForAsync(client, m => (string?)m["channelId"] == "triage" && m["card"] is not null, "triage card");
        var ticketId = ((string?)ack["text"])!.Split(' ').First(w => w.StartsWith("TKT-", StringComparison.Ordinal));

        var pressed = await client.PostAsJsonAsync("/playground/api/cards", new
        {
            userId = "priya.nair", channelId = "triage", messageId = (string?)triage["id"], verb = "ticket.assignToMe", data = new { ticketId },
        });

        pressed.EnsureSuccessStatusCode();
        var updated = await host.WaitForAsync(client, m => (string?)m["id"] == (string?)triage["id"] && m["editedAt"] is not null, "updated triage card");
        Assert.Contains("Priya Nair", updated["card"]!.ToJsonString());
    }

    [Fact]
    public async Task Bad_requests_get_a_sentence_and_change_nothing()
    {
        await using var host = new PlaygroundHost("Development");
        await host.ImportSampleDirectoryAsync();
        var client = host.CreateClient();

        var nobody = await client.PostAsJsonAsync("/playground/api/messages", new { userId = "mallory", channelId = "shared-northwind", text = "hi" });
        var noText = await client.PostAsJsonAsync("/playground/api/messages", new { userId = "contact.northwind", channelId = "shared-northwind" });
        var backwards = await client.PostAsJsonAsync("/playground/api/clock", new { minutes = -60 });

        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("mallory", await nobody.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Empty(await host.MessagesAsync(client));
    }

    [Fact]
    public async Task The_vendored_Adaptive_Cards_renderer_is_the_npm_package_the_card_tests_use()
    {
        await NodeTools.EnsureInstalledAsync();
        var vendor = Path.Combine(RepoPaths.Root, "src", "EngageBot", "Channels", "Playground", "web", "vendor");
        var package = Path.Combine(NodeTools.Directory, "node_modules", "adaptivecards");

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(package, "dist", "adaptivecards.min.js")), await File.ReadAllBytesAsync(Path.Combine(vendor, "adaptivecards.min.js")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(package, "dist", "adaptivecards.css")), await File.ReadAllBytesAsync(Path.Combine(vendor, "adaptivecards.css")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(package, "LICENSE")), await File.ReadAllBytesAsync(Path.Combine(vendor, "adaptivecards.LICENSE.txt")));
    }
}
