namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>
/// How a language model's verdict combines with the local one. The model may raise a local "none" to a risk and
/// refine a local risk (a higher severity, the customer the local detector could not name), but a risk the local
/// detector found stays a risk whatever the model says: only an internal person dismisses it. A model that follows
/// injected text can therefore add a risk, never hide one. The local reasons stay first as the evidence.
/// </summary>
internal static class ModelVerdictPolicy
{
    public static ChurnSignal Merge(ChurnSignal local, ChurnSignal model)
    {
        if (!local.IsRisk)
            return model.IsRisk
                ? model with { Reasons = [.. local.Reasons, "model raised the verdict to a risk", .. model.Reasons] }
                : local with { Reasons = [.. local.Reasons, "model agrees: no risk", .. model.Reasons] };
        if (!model.IsRisk)
            return local with { Reasons = [.. local.Reasons, "model saw no risk; kept as a risk for a person to dismiss", .. model.Reasons] };

        var severity = (ChurnSeverity)Math.Max((int)(local.Severity ?? ChurnSeverity.Low), (int)(model.Severity ?? ChurnSeverity.Low));
        var customer = local.Customer ?? (local.Kind == ChurnKind.Customer && model.Kind == ChurnKind.Customer ? model.Customer : null);
        var refined = severity != local.Severity || customer != local.Customer;
        return local with
        {
            Severity = severity,
            Customer = customer,
            Score = Math.Max(local.Score, model.Score),
            Reasons = [.. local.Reasons, refined ? "model refined the verdict" : "model agrees: a risk", .. model.Reasons],
        };
    }
}
