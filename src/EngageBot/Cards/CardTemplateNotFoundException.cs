namespace EngageBot.Cards;

/// <summary>A card name with no template in the cards folder.</summary>
public sealed class CardTemplateNotFoundException(string name, string folder)
    : Exception($"No card template '{name}' in {folder} (expected {name}.json there).");
