using System.Buffers.Binary;
using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Teams;

/// <summary>The Teams app package: the fields Teams requires for a bot in shared channels, and icons of the required sizes.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "manifests", "teams");

    [Fact]
    public void Manifest_declares_the_bot_for_team_personal_and_group_chat_with_shared_channel_support()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;

        Assert.True(double.Parse(manifest["manifestVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= 1.17);
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["team", "personal", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("tier1", manifest["supportsChannelFeatures"]!.GetValue<string>());
        Assert.Contains("sharedChannels", manifest["supportedChannelTypes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var rsc = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("ChannelMessage.Read.Group", rsc);
        Assert.Contains("ChannelMember.Read.Group", rsc);
        Assert.All(bot["commandLists"]!.AsArray(), list => Assert.InRange(list!["commands"]!.AsArray().Count, 1, 12));
        Assert.Equal("{{BOT_APP_ID}}", bot["botId"]!.GetValue<string>());
    }

    [Fact]
    public void The_command_menu_offers_exactly_the_command_words_the_mapper_recognises()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;
        var titles = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()))
            .ToList();

        // Teams inserts the picked title as the message text, so each title must be one command word.
        Assert.All(titles, title => Assert.Contains(title, BotCommands.All));
        Assert.Equal(BotCommands.All.Order(), titles.Distinct().Order());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_have_the_sizes_teams_requires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
