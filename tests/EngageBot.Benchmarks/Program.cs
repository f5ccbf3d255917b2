using EngageBot.Benchmarks;

// Each benchmark measures a figure beside a baseline in the same run and prints the ratio.
var all = BenchmarkCatalog.All;
var name = args.FirstOrDefault();
if (name is null || !all.ContainsKey(name))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/EngageBot.Benchmarks -- <name> [options]");
    foreach (var (n, b) in all) Console.Error.WriteLine($"  {n,-24} {b.Description}");
    return name is null ? 0 : 2;
}
return await all[name].RunAsync(args.Skip(1).ToArray());
