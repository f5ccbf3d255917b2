namespace EngageBot.Channels;

/// <summary>
/// Runs a card action synchronously (Teams invoke responses and Slack view_submission errors must come back
/// in the same HTTP exchange): finds the <see cref="ICardActionHandler"/> for the verb, records the action,
/// and returns what the platform should show.
/// </summary>
public interface ICardActionRouter
{
    Task<CardActionResult> RouteAsync(CardActionInvoked action, CancellationToken cancellationToken = default);
}
