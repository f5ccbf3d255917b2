namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>An expression failed to parse or evaluate (the reference engine's "error" result).</summary>
public sealed class ExpressionException(string message) : Exception(message);
