namespace EngageBot.Features.Directory.Model;

/// <summary>How often a partner gets a check-in; <see cref="Cron"/> when the directory gives a cron expression instead.</summary>
public enum CheckInCadence { None, Weekly, Biweekly, Monthly, Quarterly, Cron }
