namespace EngageBot.Features.Directory.Model;

public enum CheckInCadence { None, Weekly, Biweekly, Monthly, Quarterly }
