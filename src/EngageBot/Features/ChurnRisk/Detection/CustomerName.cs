namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>A joint customer's display name as the directory (or a --customers file) spells it.</summary>
public sealed record CustomerName(string Value)
{
    public override string ToString() => Value;

    public static IReadOnlyList<CustomerName> From(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0 && !n.StartsWith('#'))
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(n => new CustomerName(n)).ToList();
}
