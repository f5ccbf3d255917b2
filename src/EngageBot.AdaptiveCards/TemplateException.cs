namespace EngageBot.AdaptiveCards;

/// <summary>A template could not be parsed or expanded; the message names the failing expression.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
