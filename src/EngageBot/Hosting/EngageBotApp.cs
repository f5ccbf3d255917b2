using EngageBot.Cli;
using EngageBot.Hosting.Health;

namespace EngageBot.Hosting;

/// <summary>Builds the host once for both the service and the admin verbs, so they share configuration.</summary>
public static class EngageBotApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [HealthProbe.Verb, ..])
            return await HealthProbe.RunAsync(args);
        if (args is [Channels.Playground.Demo.PlaygroundDemo.Verb, ..] && !args.Any(a => a is "--help" or "-h"))
            return await RunDemoAsync(args);
        var invocation = CliInvocation.Parse(args);
        try
        {
            // Settings files ship beside the executable; the working directory stays the user's, for relative paths and ./data.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = invocation.HostArgs, ContentRootPath = AppContext.BaseDirectory });
            builder.AddUserSecretsInAnyEnvironment();
            if (!invocation.IsServe)
                builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.AddEngageBot();
            await using var app = builder.Build();
            StartupValidation.Validate(app.Services, forService: invocation.IsServe);
            if (!invocation.IsServe)
                return await CliDispatcher.RunAsync(app.Services, invocation, Console.Out, Console.Error, CancellationToken.None);
            app.MapEngageBot();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
        {
            // A missing or bad setting stops start-up with one line naming the key.
            Console.Error.WriteLine($"engagebot: configuration error: {message}");
            return 2;
        }
    }

    private static async Task<int> RunDemoAsync(string[] args)
    {
        try
        {
            return await Channels.Playground.Demo.PlaygroundDemo.RunAsync(args[1..], Console.Out, Console.Error);
        }
        catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
        {
            Console.Error.WriteLine($"engagebot: configuration error: {message}");
            return 2;
        }
    }
}
