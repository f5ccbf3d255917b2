using EngageBot.Channels;
using EngageBot.Channels.Slack;
using EngageBot.TestSupport;
using YamlDotNet.RepresentationModel;

namespace EngageBot.Tests.Slack;

public sealed class SlackManifestTests
{
    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifests", "slack", "manifest.yaml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static IEnumerable<string> Scalars(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!);

    [Fact]
    public void The_manifest_points_slack_at_our_three_endpoints()
    {
        var root = Load();
        Assert.EndsWith("/api/slack/events", ((YamlScalarNode)At(root, "settings", "event_subscriptions", "request_url")).Value);
        Assert.EndsWith("/api/slack/interactions", ((YamlScalarNode)At(root, "settings", "interactivity", "request_url")).Value);
        var command = (YamlMappingNode)((YamlSequenceNode)At(root, "features", "slash_commands")).Children.Single();
        Assert.Equal("/engagebot", ((YamlScalarNode)command.Children[new YamlScalarNode("command")]).Value);
        Assert.EndsWith("/api/slack/commands", ((YamlScalarNode)command.Children[new YamlScalarNode("url")]).Value);
    }

    [Fact]
    public void The_manifest_subscribes_to_every_event_the_mapper_handles_with_the_scopes_it_needs()
    {
        var root = Load();
        var events = Scalars(At(root, "settings", "event_subscriptions", "bot_events")).ToHashSet();
        Assert.Superset(new HashSet<string> { "app_mention", "message.channels", "message.groups", "message.im", "reaction_added", "reaction_removed",
            "member_joined_channel", "member_left_channel" }, events);
        var scopes = Scalars(At(root, "oauth_config", "scopes", "bot")).ToHashSet();
        Assert.Superset(new HashSet<string> { "chat:write", "commands", "users:read", "channels:read", "reactions:write", "im:write", "app_mentions:read" }, scopes);
    }

    private static List<string> Shortcuts(string type) =>
        ((YamlSequenceNode)At(Load(), "features", "shortcuts")).Children.Cast<YamlMappingNode>()
            .Where(s => ((YamlScalarNode)s.Children[new YamlScalarNode("type")]).Value == type)
            .Select(s => ((YamlScalarNode)s.Children[new YamlScalarNode("callback_id")]).Value!).ToList();

    [Fact]
    public void The_message_shortcuts_are_declared_with_stable_callback_ids()
    {
        Assert.Equal(["open_ticket", "log_feedback", "raise_concern"], Shortcuts("message"));
    }

    [Fact]
    public void Every_global_shortcut_is_mapped_to_a_command_word_and_every_mapping_is_declared()
    {
        var global = Shortcuts("global");

        Assert.Equal(SlackGlobalShortcuts.Commands.Keys.Order(), global.Order());
        Assert.All(global, callbackId => Assert.Contains(SlackGlobalShortcuts.CommandFor(callbackId), BotCommands.All));
    }
}
