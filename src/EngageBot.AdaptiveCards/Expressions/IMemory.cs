namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>Where property paths resolve (AEL's MemoryInterface). Returns <see cref="JsUndefined"/> when nothing is there.</summary>
internal interface IMemory
{
    object? GetValue(string path);
}
