using System.Text.Json.Nodes;
using EngageBot.Channels;

namespace EngageBot.Cards.Actions;

/// <summary>
/// Checks a card action's input values and collects one message per input id, so handlers can return
/// <see cref="CardActionResult.Invalid"/> and the platform shows the messages on the form.
/// <code>
/// var check = CardInputValidator.For(action.Data).Required(CardInputs.Text).MaxLength(CardInputs.Text, 3000);
/// if (!check.IsValid) return check.Result;
/// </code>
/// </summary>
public sealed class CardInputValidator
{
    private readonly JsonObject _data;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    private CardInputValidator(JsonObject data) => _data = data;

    public static CardInputValidator For(JsonObject data) => new(data);

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string> Errors => _errors;

    public CardActionResult Result => CardActionResult.Invalid(_errors);

    /// <summary>The input's value as text ("" when absent); numbers and booleans as their JSON text.</summary>
    public string Value(string id) => _data[id] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
        JsonValue v => v.ToJsonString(),
        _ => "",
    };

    public CardInputValidator Required(string id, string? message = null)
    {
        if (Value(id).Length == 0) Fail(id, message ?? "This is required.");
        return this;
    }

    public CardInputValidator MaxLength(string id, int max)
    {
        if (Value(id).Length > max) Fail(id, $"Keep it under {max} characters (it is {Value(id).Length}).");
        return this;
    }

    /// <summary>Each comma-separated value (multi-select) must be one of <paramref name="allowed"/>; empty passes.</summary>
    public CardInputValidator OneOf(string id, IReadOnlyCollection<string> allowed)
    {
        var values = Value(id).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wrong = values.FirstOrDefault(v => !allowed.Contains(v));
        if (wrong is not null) Fail(id, $"“{CardText.Truncate(wrong, 40)}” is not one of the choices.");
        return this;
    }

    public CardInputValidator NumberBetween(string id, double min, double max)
    {
        var text = Value(id);
        if (text.Length == 0) return this;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            Fail(id, $"Enter a number from {min} to {max}.");
        return this;
    }

    public CardInputValidator Date(string id)
    {
        var text = Value(id);
        if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", out _)) Fail(id, "Enter a date as YYYY-MM-DD.");
        return this;
    }

    private void Fail(string id, string message) => _errors.TryAdd(id, message);
}
