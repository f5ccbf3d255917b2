using EngageBot.TestSupport;

namespace EngageBot.Tests.Deployment;

/// <summary>
/// infra/ is compiled and linted by the official Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64, restored by
/// tests/tools/bicep). Any warning fails: a linter finding is a deployment problem waiting to happen.
/// </summary>
public sealed class BicepTests : IDisposable
{
    private readonly TempDirectory _out = new();
    private static readonly string Infra = Path.Combine(RepoPaths.Root, "infra");

    [Fact]
    public async Task Every_bicep_file_builds_without_a_warning()
    {
        foreach (var file in System.IO.Directory.GetFiles(Infra, "*.bicep", SearchOption.AllDirectories))
        {
            var (code, output) = await BicepCli.RunAsync("build", file, "--outdir", _out.Path);
            Assert.True(code == 0, $"bicep build {file}:\n{output}");
            AssertNoDiagnostics(output, file);
        }
    }

    [Fact]
    public async Task Every_bicep_file_lints_clean()
    {
        foreach (var file in System.IO.Directory.GetFiles(Infra, "*.bicep", SearchOption.AllDirectories))
        {
            var (code, output) = await BicepCli.RunAsync("lint", file);
            Assert.True(code == 0, $"bicep lint {file}:\n{output}");
            AssertNoDiagnostics(output, file);
        }
    }

    [Fact]
    public async Task A_linter_warning_is_caught()
    {
        var file = _out.File("unused.bicep");
        await File.WriteAllTextAsync(file, "param unused string\n");
        var (_, output) = await BicepCli.RunAsync("lint", file);
        Assert.Contains(" : Warning no-unused-params", output);
    }

    [Fact]
    public async Task The_template_provisions_monitoring_and_the_optional_openai_deployment()
    {
        var (code, output) = await BicepCli.RunAsync("build", Path.Combine(Infra, "main.bicep"), "--stdout");
        Assert.True(code == 0, output);
        foreach (var type in new[] { "Microsoft.OperationalInsights/workspaces", "Microsoft.Insights/components", "Microsoft.CognitiveServices/accounts", "Microsoft.CognitiveServices/accounts/deployments" })
            Assert.Contains($"\"type\": \"{type}", output);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", output);
        Assert.Contains("EngageBot__AI__Endpoint", output);
    }

    // Bicep writes diagnostics as "path(line,col) : Warning rule: text" (or Error / Info); build output otherwise is silent.
    private static void AssertNoDiagnostics(string output, string file)
    {
        var findings = output.Split('\n').Where(l => l.Contains(" : Warning ", StringComparison.Ordinal) || l.Contains(" : Error ", StringComparison.Ordinal)).ToList();
        Assert.True(findings.Count == 0, $"{file}:\n{string.Join('\n', findings)}");
    }

    public void Dispose() => _out.Dispose();
}
