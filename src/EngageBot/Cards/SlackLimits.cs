namespace EngageBot.Cards;

/// <summary>Block Kit limits (protocols.md B.5, from node-slack-sdk's block-kit types and Slack's docs).</summary>
public static class SlackLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ContextElements = 10;
    public const int ActionElements = 25;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int CallbackId = 255;
    public const int OptionText = 75;
    public const int OptionValue = 75;
    public const int StaticSelectOptions = 100;
    public const int RadioOptions = 10;
    public const int CheckboxOptions = 10;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int PlainTextInputMax = 3000;
    public const int ImageAltText = 2000;

    /// <summary>Undocumented: msg_blocks_too_long was seen near 13k chars of block text (bolt-js #2509); stay under.</summary>
    public const int MessageTextBudget = 12000;

    /// <summary>chat.postMessage's notification text is cut at 40,000; keep the fallback far shorter.</summary>
    public const int FallbackText = 3000;
}
