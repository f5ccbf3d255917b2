namespace EngageBot.Hosting;

/// <summary>
/// Marks an options section only the running service needs (a chat platform's connection): admin verbs work
/// offline on the store, so a broken Slack or Teams setting must not stop `engagebot partners list`.
/// </summary>
public sealed record ServiceOnlyOptions(Type OptionsType, string Section);
