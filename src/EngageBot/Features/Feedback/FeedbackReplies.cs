namespace EngageBot.Features.Feedback;

/// <summary>What people are told when feedback cannot be logged or rated, the same on every entry point.</summary>
internal static class FeedbackReplies
{
    public const string InternalOnly = "Only people on our side can log partner feedback.";
    public const string NotAPartnerChannel = "This channel is not linked to a partner, so there is no one to log feedback for.";
    public const string UnknownPartner = "The partner this form was for is no longer in the directory, so nothing was logged.";
}
