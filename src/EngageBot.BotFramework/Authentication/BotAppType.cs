namespace EngageBot.BotFramework.Authentication;

/// <summary>MicrosoftAppType as the SDK's ConfigurationServiceClientCredentialFactory reads it.</summary>
public enum BotAppType { MultiTenant, SingleTenant, UserAssignedMsi }
