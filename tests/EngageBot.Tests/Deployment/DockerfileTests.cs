using System.Diagnostics;
using System.Net;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, so the image is checked in two halves: the Dockerfile's shape, and a publish with
/// the exact arguments of its publish step, started the way its entry point starts it.
/// </summary>
public sealed class DockerfileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public void The_image_builds_on_the_sdk_and_runs_on_the_aspnet_runtime_as_a_non_root_user()
    {
        var stages = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", stages[1]);

        var runtime = Lines.SkipWhile(l => l != stages[1]).ToList();
        Assert.Contains("COPY --from=build /app .", runtime);
        Assert.Equal("USER $APP_UID", runtime.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains("VOLUME /data", runtime);
        Assert.Contains(runtime, l => l.Contains("EngageBot__Storage__DataDirectory=/data", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.EndsWith("CMD [\"dotnet\", \"engagebot.dll\", \"healthcheck\"]", StringComparison.Ordinal));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"engagebot.dll\"]", runtime.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        Assert.Equal("CMD [\"serve\"]", runtime.Last(l => l.StartsWith("CMD", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_build_context_leaves_out_local_data_and_build_output()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"));
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/*.db", ".git/", "data/", "tests/" })
            Assert.Contains(pattern, ignored);
    }

    [Fact]
    public async Task A_publish_with_the_Dockerfile_settings_starts_and_answers_readyz_and_the_healthcheck()
    {
        var publish = PublishArguments(Path.Combine(_dir.Path, "app"));
        var (code, output) = await NodeTools.RunAsync("dotnet", publish, TimeSpan.FromMinutes(8));
        Assert.True(code == 0, output);

        var port = FreePort.Next();
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var a in new[] { Path.Combine(_dir.Path, "app", "engagebot.dll"), "serve" }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
        psi.Environment["ASPNETCORE_URLS"] = "";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["EngageBot__Storage__DataDirectory"] = Path.Combine(_dir.Path, "data");
        using var service = Process.Start(psi)!;
        var log = service.StandardOutput.ReadToEndAsync();
        _ = service.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient();
            var ready = await PollAsync(http, $"http://127.0.0.1:{port}/readyz", TimeSpan.FromSeconds(60));
            Assert.True(ready == HttpStatusCode.OK, $"/readyz answered {ready}");
            Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "engagebot.db")));

            var probe = await NodeTools.RunAsync("dotnet", [Path.Combine(_dir.Path, "app", "engagebot.dll"), "healthcheck", $"http://127.0.0.1:{port}/healthz"], TimeSpan.FromSeconds(30));
            Assert.Equal(0, probe.ExitCode);
            var refused = await NodeTools.RunAsync("dotnet", [Path.Combine(_dir.Path, "app", "engagebot.dll"), "healthcheck", $"http://127.0.0.1:{FreePort.Next()}/healthz"], TimeSpan.FromSeconds(30));
            Assert.Equal(1, refused.ExitCode);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
        Assert.DoesNotContain("Unhandled exception", await log);
    }

    // The Dockerfile's own publish line, with its output folder moved into the test's directory.
    private static string[] PublishArguments(string output)
    {
        var line = Lines.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var args = line["RUN dotnet ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var o = args.IndexOf("-o");
        args[o + 1] = output;
        args[args.FindIndex(a => a.EndsWith(".csproj", StringComparison.Ordinal))] = Path.Combine(RepoPaths.Root, "src", "EngageBot", "EngageBot.csproj");
        return [.. args];
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, string url, TimeSpan timeout)
    {
        HttpStatusCode? last = null;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url);
                last = response.StatusCode;
                if (last == HttpStatusCode.OK) return last;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        return last;
    }

    public void Dispose() => _dir.Dispose();
}
