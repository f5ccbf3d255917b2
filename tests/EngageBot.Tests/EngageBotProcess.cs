using System.Diagnostics;
using System.Text;

namespace EngageBot.Tests;

/// <summary>Runs the real engagebot executable (built next to the tests) as a separate process, as an admin would.</summary>
public static class EngageBotProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(IEnumerable<string> args, Dictionary<string, string> environment, string? workingDirectory = null) =>
        RunDotnetAsync([Path.Combine(AppContext.BaseDirectory, "engagebot.dll"), .. args], environment, workingDirectory ?? AppContext.BaseDirectory);

    /// <summary>Runs `dotnet ARGS` (e.g. `run --project src/EngageBot -- partners list`) in <paramref name="workingDirectory"/>.</summary>
    public static async Task<Result> RunDotnetAsync(IEnumerable<string> dotnetArgs, Dictionary<string, string> environment, string workingDirectory)
    {
        using var process = Process.Start(StartInfo(dotnetArgs, environment, workingDirectory))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', dotnetArgs)} did not exit within a minute (did it start the service?)");
        }
        return new(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running `dotnet ARGS` (the service), collects its output until <paramref name="ready"/> appears, then stops it.</summary>
    public static async Task<string> RunUntilAsync(IEnumerable<string> dotnetArgs, Dictionary<string, string> environment, string workingDirectory, string ready)
    {
        using var process = Process.Start(StartInfo(dotnetArgs, environment, workingDirectory))!;
        var output = new StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains(ready, StringComparison.Ordinal)) seen.TrySetResult();
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(TimeSpan.FromMinutes(1)));
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        lock (output)
            return first == seen.Task ? output.ToString() : throw new InvalidOperationException($"'{ready}' never appeared:\n{output}");
    }

    internal static ProcessStartInfo StartInfo(IEnumerable<string> dotnetArgs, Dictionary<string, string> environment, string workingDirectory)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in dotnetArgs) psi.ArgumentList.Add(a);
        // The test host may run under MSBuild's environment; a nested `dotnet run` must evaluate the project afresh.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        return psi;
    }
}
