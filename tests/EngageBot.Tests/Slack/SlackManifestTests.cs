using EngageBot.Channels;
using EngageBot.Channels.Slack;
using EngageBot.TestSupport;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EngageBot.Tests.Slack;

public sealed partial class SlackManifestTests
{
    // Bot-token scopes per Web API method the client calls (Slack's method reference, docs.slack.dev/reference/methods).
    private static readonly Dictionary<string, string[]> MethodScopes = new()
    {
        ["chat.postMessage"] = ["chat:write"],
        ["chat.update"] = ["chat:write"],
        ["chat.postEphemeral"] = ["chat:write"],
        ["conversations.open"] = ["im:write"],                         // DMs with one person
        ["conversations.info"] = ["channels:read", "groups:read"],     // the channel the bot was added to
        ["reactions.add"] = ["reactions:write"],
        ["files.getUploadURLExternal"] = ["files:write"],               // chart PNGs shown in image blocks
        ["files.completeUploadExternal"] = ["files:write"],
        ["users.info"] = ["users:read"],                                // the email field (users:read.email) is never read
        ["views.open"] = [],                                            // the trigger id is the permission
        ["auth.test"] = [],                                             // any token may ask who it is
        ["apps.connections.open"] = [],                                 // app-level token (connections:write), not a bot scope
    };

    // The scope each subscribed event needs (Slack's events reference).
    private static readonly Dictionary<string, string[]> EventScopes = new()
    {
        ["app_mention"] = ["app_mentions:read"],
        ["message.channels"] = ["channels:history"],
        ["message.groups"] = ["groups:history"],
        ["message.im"] = ["im:history"],
        ["message.mpim"] = ["mpim:history"],
        ["reaction_added"] = ["reactions:read"],
        ["reaction_removed"] = ["reactions:read"],
        ["member_joined_channel"] = ["channels:read", "groups:read"],
        ["member_left_channel"] = ["channels:read", "groups:read"],
    };

    [Fact]
    public void The_manifest_requests_exactly_the_scopes_of_the_methods_the_client_calls_the_events_and_the_commands()
    {
        var methods = System.IO.Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "EngageBot.SlackApi", "WebApi"), "SlackApiClient*.cs")
            .SelectMany(f => MethodCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Contains("chat.postMessage", methods);
        var unknown = methods.Where(m => !MethodScopes.ContainsKey(m)).ToList();
        Assert.True(unknown.Count == 0, "add the bot scopes of these Slack methods to MethodScopes: " + string.Join(", ", unknown));
        var root = Load();
        var events = Scalars(At(root, "settings", "event_subscriptions", "bot_events")).ToList();
        var unknownEvents = events.Where(e => !EventScopes.ContainsKey(e)).ToList();
        Assert.True(unknownEvents.Count == 0, "add the scopes of these events to EventScopes: " + string.Join(", ", unknownEvents));

        // `commands` covers the slash command and the shortcuts.
        var needed = methods.SelectMany(m => MethodScopes[m]).Concat(events.SelectMany(e => EventScopes[e])).Append("commands").ToHashSet();
        var requested = Scalars(At(root, "oauth_config", "scopes", "bot")).ToHashSet();

        Assert.Equal(needed.Order(), requested.Order());
    }

    [GeneratedRegex(@"Post(?:Json|Form)Async<[^>]+>\(\s*""([a-z]+\.[A-Za-z.]+)""")]
    private static partial Regex MethodCall();

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
