namespace EngageBot.Benchmarks;

public interface IBenchmark
{
    string Description { get; }
    Task<int> RunAsync(string[] args);
}
