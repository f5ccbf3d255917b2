namespace EngageBot.Channels.Playground;

/// <summary>
/// Bound from EngageBot:Playground. The playground lets anyone who reaches the service post as any person of the
/// directory, so it is on only in Development unless <see cref="Enabled"/> says otherwise, and never routed when off.
/// </summary>
public sealed class PlaygroundOptions
{
    public const string Section = "EngageBot:Playground";

    /// <summary>true or false; unset means on in Development, off everywhere else.</summary>
    public bool? Enabled { get; set; }

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(Section).Get<PlaygroundOptions>()?.Enabled ?? environment.IsDevelopment();
}
