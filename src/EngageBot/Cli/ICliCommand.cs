namespace EngageBot.Cli;

/// <summary>An admin verb of the engagebot executable, e.g. "partners import". Register with AddCliCommand.</summary>
public interface ICliCommand
{
    /// <summary>The verb words, e.g. "partners import".</summary>
    string Verb { get; }

    /// <summary>One line of usage after the verb, e.g. "FILE [--json]".</summary>
    string Usage { get; }

    /// <summary>Runs with the words after the verb. Returns the exit code: 0 ok, 1 rejected input, 2 usage error.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

public static class CliCommandRegistration
{
    public static IServiceCollection AddCliCommand<T>(this IServiceCollection services) where T : class, ICliCommand =>
        services.AddSingleton<ICliCommand, T>();
}
