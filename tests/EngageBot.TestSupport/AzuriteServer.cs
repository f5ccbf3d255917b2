using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace EngageBot.TestSupport;

/// <summary>
/// A real Azurite table service on a free loopback port, in memory, for one test class (IClassFixture)
/// or a benchmark. Starts lazily in InitializeAsync and kills the whole process tree on dispose.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime, IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _log = new();
    private Process? _process;

    public int Port { get; private set; }

    public string TableEndpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer();
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        await NodeTools.EnsureInstalledAsync();
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var psi = new ProcessStartInfo(NodeTools.Bin("azurite-table"))
            {
                WorkingDirectory = NodeTools.Directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(), "--disableTelemetry", "--silent" })
                psi.ArgumentList.Add(a);
            _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start azurite-table");
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (await WaitUntilListeningAsync(TimeSpan.FromSeconds(120))) return;
            Kill();
            // A slow start (a loaded 2-core CI machine) gets two minutes; another process may have taken the port between FreePort.Next() and Azurite binding it.
            if (attempt == 3) throw new InvalidOperationException("Azurite did not start:\n" + Log);
        }
    }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task<bool> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process!.HasExited) return false;
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        return false;
    }

    private void Kill()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    public Task DisposeAsync()
    {
        Kill();
        return Task.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
