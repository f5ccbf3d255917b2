namespace EngageBot.BotFramework.Schema;

/// <summary>A reaction in a messageReaction activity; Teams types: like, heart, laugh, surprised, sad, angry (and newer emoji names).</summary>
public sealed record MessageReaction(string? Type);
