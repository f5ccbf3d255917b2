namespace EngageBot.Features.Directory.Model;

/// <summary>Which top-level partner messages become tickets: every one, or only those that read as questions/requests.</summary>
public enum TicketMode { AllMessages, QuestionsOnly }
