namespace EngageBot.Channels;

public enum ChatPlatform { Slack, Teams }
