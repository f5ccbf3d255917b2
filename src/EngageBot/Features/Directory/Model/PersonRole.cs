namespace EngageBot.Features.Directory.Model;

public enum PersonRole { Manager, Executive, Support, Admin }
