using System.Diagnostics;
using System.Net;
using System.Text;
using EngageBot.TestSupport;

namespace EngageBot.Tests;

/// <summary>
/// The real engagebot service (built next to the tests) running as its own process on a loopback port, as one
/// instance of a deployment; ready once /readyz answers 200. Killed (process tree) on dispose.
/// </summary>
public sealed class EngageBotServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EngageBotServiceProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUrl { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static EngageBotServiceProcess Start(Dictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var psi = EngageBotProcess.StartInfo([Path.Combine(AppContext.BaseDirectory, "engagebot.dll"), "serve"],
            new(environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, AppContext.BaseDirectory);
        var service = new EngageBotServiceProcess(Process.Start(psi)!, port);
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Polls /readyz until it answers 200; fails with the process's output if it exits or the time runs out.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"engagebot exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "readyz"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"engagebot was not ready within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
