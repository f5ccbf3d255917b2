using EngageBot.Cli;

namespace EngageBot.Tests;

/// <summary>Runs a CLI verb in-process and captures its exit code, output and errors.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(ICliCommand command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await command.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command line through the dispatcher, as the executable does, against a built host's services.</summary>
    public static async Task<(int Code, string Out, string Err)> DispatchAsync(IServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliDispatcher.RunAsync(services, CliInvocation.Parse(args), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
