using System.IO.Compression;
using System.Text.Json;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Deployment;

/// <summary>
/// The Teams package `engagebot teams package` writes is valid against Microsoft's schema for the manifest's
/// version (shipped in npm @microsoft/app-manifest, validated with Ajv by tests/node/validate-teams-manifest.mjs)
/// and declares what a bot in shared channels needs.
/// </summary>
public sealed class TeamsManifestTests : IDisposable
{
    private const string BotId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private readonly TempDirectory _dir = new();

    private Dictionary<string, string> Settings() => new()
    {
        ["EngageBot__Storage__DataDirectory"] = _dir.File("data"),
        ["EngageBot__Teams__AppId"] = BotId,
        ["EngageBot__Teams__AppType"] = "UserAssignedMsi",
        ["EngageBot__Teams__TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ["EngageBot__Teams__Package__Domain"] = "engagebot.contoso.com",
        ["EngageBot__Teams__Package__Publisher"] = "Contoso \"Partners\"",
        ["EngageBot__Teams__Package__WebsiteUrl"] = "https://contoso.com",
        ["EngageBot__Teams__Package__PrivacyUrl"] = "https://contoso.com/privacy",
        ["EngageBot__Teams__Package__TermsUrl"] = "https://contoso.com/terms",
    };

    [Fact]
    public async Task The_package_command_writes_a_zip_whose_manifest_is_valid_against_microsofts_schema()
    {
        var zip = _dir.File("app.zip");
        var result = await EngageBotProcess.RunAsync(["teams", "package", "--out", zip], Settings());
        Assert.True(result.ExitCode == 0, result.Error);

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        string manifest;
        using (var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open()))
            manifest = await reader.ReadToEndAsync();
        Assert.DoesNotContain("{{", manifest);

        var (code, output) = await NodeTools.RunNodeAsync("validate-teams-manifest.mjs", [], manifest);
        Assert.True(code == 0, output);
        using var verdict = JsonDocument.Parse(output);
        Assert.True(verdict.RootElement.GetProperty("valid").GetBoolean(), output);
        Assert.Contains("v1.25", verdict.RootElement.GetProperty("schema").GetString());

        using var doc = JsonDocument.Parse(manifest);
        Assert.Equal(BotId, doc.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("Contoso \"Partners\"", doc.RootElement.GetProperty("developer").GetProperty("name").GetString());
        Assert.Equal("engagebot.contoso.com", doc.RootElement.GetProperty("validDomains")[0].GetString());
    }

    [Fact]
    public void The_manifest_declares_what_a_bot_in_shared_channels_needs()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifests", "teams", "manifest.json")));
        var root = doc.RootElement;
        Assert.Equal("tier1", root.GetProperty("supportsChannelFeatures").GetString());
        Assert.Contains("sharedChannels", root.GetProperty("supportedChannelTypes").EnumerateArray().Select(e => e.GetString()));
        var scopes = root.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["groupChat", "personal", "team"], scopes.Order());
        // The message actions share their ids with the Slack shortcuts the features handle.
        var actions = root.GetProperty("composeExtensions")[0].GetProperty("commands").EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == "action").Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("open_ticket", actions);
        Assert.Contains("raise_concern", actions);
        var rsc = root.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Contains("ChannelMessage.Read.Group", rsc);
    }

    [Fact]
    public async Task Missing_package_settings_are_all_named_and_nothing_is_written()
    {
        var zip = _dir.File("app.zip");
        var settings = Settings();
        settings.Remove("EngageBot__Teams__Package__Domain");
        settings["EngageBot__Teams__Package__PrivacyUrl"] = "http://contoso.com/privacy";

        var result = await EngageBotProcess.RunAsync(["teams", "package", "--out", zip], settings);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("EngageBot:Teams:Package:Domain", result.Error);
        Assert.Contains("EngageBot:Teams:Package:PrivacyUrl", result.Error);
        Assert.False(File.Exists(zip));
    }

    public void Dispose() => _dir.Dispose();
}
