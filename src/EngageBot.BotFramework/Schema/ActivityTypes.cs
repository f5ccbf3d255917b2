namespace EngageBot.BotFramework.Schema;

/// <summary>Activity.Type values (botbuilder-dotnet Schema/ActivityTypes.cs; Teams adds messageUpdate/messageDelete).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string Typing = "typing";
    public const string Event = "event";
}
