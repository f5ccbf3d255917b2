using EngageBot.Hosting;

// One executable: `engagebot [serve]` runs the service; admin verbs (partners, interactions, classify, …) share its configuration.
return await EngageBotApp.RunAsync(args);

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
