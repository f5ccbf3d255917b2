namespace EngageBot.Channels;

/// <summary>Handles the card actions of one verb, whichever platform they came from.</summary>
public interface ICardActionHandler
{
    /// <summary>The Action.Execute verb (Slack: the button's action_id) this handler owns.</summary>
    IReadOnlyCollection<string> Verbs { get; }

    Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken);
}
