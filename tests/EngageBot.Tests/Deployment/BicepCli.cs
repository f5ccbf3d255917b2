using System.Diagnostics;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Deployment;

/// <summary>Restores the pinned Bicep CLI package once (tests/tools/bicep) and returns the binary's path.</summary>
internal static class BicepCli
{
    private const string Version = "0.49.2";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Project = Path.Combine(RepoPaths.Root, "tests", "tools", "bicep");

    public static string Binary => Path.Combine(Project, "packages", "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");

    /// <summary>Runs bicep, returning its exit code and stdout plus stderr (where it writes diagnostics, even on success).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(await EnsureAsync()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<string> EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(Binary)) return Binary;
            using (await CrossProcessLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "engagebot-bicep.lock")))
            {
                if (!File.Exists(Binary))
                {
                    var (code, output) = await NodeTools.RunAsync("dotnet", ["restore", Path.Combine(Project, "bicep.csproj")], TimeSpan.FromMinutes(5));
                    Assert.True(code == 0, "restoring the Bicep CLI failed:\n" + output);
                }
            }
            // NuGet extracts without the execute bit on some systems.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(Binary, File.GetUnixFileMode(Binary) | UnixFileMode.UserExecute);
            return Binary;
        }
        finally
        {
            Gate.Release();
        }
    }
}
