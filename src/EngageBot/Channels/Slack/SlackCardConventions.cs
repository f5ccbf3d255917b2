namespace EngageBot.Channels.Slack;

/// <summary>
/// How Block Kit buttons carry Adaptive Card actions. A button's action_id is the action's verb and its value the
/// action's data as JSON. Slack messages cannot hold inputs, so a card with inputs gets a button whose data has
/// <see cref="OpenFormKey"/>: true; pressing it routes the verb and opens the returned card as a modal
/// (callback_id = the form's submit verb, private_metadata = its data), which comes back as view_submission.
/// </summary>
public static class SlackCardConventions
{
    public const string OpenFormKey = "openForm";
    public const string DefaultFormVerb = "engagebot.form";
}
