using System.Diagnostics;
using System.Security.Cryptography;

namespace EngageBot.TestSupport;

/// <summary>
/// The npm tools the tests drive (tests/node/package.json): installed with `npm ci` on first use, once per
/// lock-file version, under a cross-process lock because test assemblies run in parallel.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    public static string Directory => RepoPaths.NodeTools;

    public static string Bin(string name) => Path.Combine(Directory, "node_modules", ".bin", name);

    public static async Task EnsureInstalledAsync()
    {
        if (_ready) return;
        await Gate.WaitAsync();
        try
        {
            if (_ready) return;
            var lockFile = Path.Combine(Directory, "package-lock.json");
            var stamp = Path.Combine(Directory, "node_modules", ".engagebot-stamp");
            var hash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(lockFile)));
            using (await CrossProcessLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "engagebot-npm.lock")))
            {
                if (!File.Exists(stamp) || await File.ReadAllTextAsync(stamp) != hash)
                {
                    var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(8));
                    if (code != 0) throw new InvalidOperationException("npm ci failed in tests/node:\n" + output);
                    await File.WriteAllTextAsync(stamp, hash);
                }
            }
            _ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs a node script (path relative to tests/node or absolute) with stdin, returning exit code and stdout; stderr is appended on failure.</summary>
    public static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync();
        return await RunAsync("node", [Path.Combine(Directory, script), .. args], timeout ?? TimeSpan.FromMinutes(2), stdin);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, string? stdin = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', psi.ArgumentList)} did not finish in {timeout}.");
        }
        var output = await stdout;
        return (process.ExitCode, process.ExitCode == 0 ? output : output + await stderr);
    }
}
