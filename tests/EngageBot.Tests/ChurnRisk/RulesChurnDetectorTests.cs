using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Evaluation;

namespace EngageBot.Tests.ChurnRisk;

public sealed class RulesChurnDetectorTests
{
    private static readonly IReadOnlyList<CustomerName> Customers = CustomerName.From(
        ["Acme Corp", "Globex", "Umbrella Health", "Wide World Importers", "Initech", "Initech Labs", "Margie's Travel", "City Power & Light"]);

    private readonly RulesChurnDetector _rules = new();

    [Theory]
    [InlineData("dev")]
    [InlineData("holdout")]
    [InlineData("fresh")]
    public async Task Meets_the_precision_recall_and_customer_targets_on_the_labelled_set(string set)
    {
        var result = await ChurnEvaluation.RunAsync(_rules, LabelledMessages.Load(set), LabelledMessages.Customers(set));

        Assert.True(result.Precision >= 0.9, result.ToString());
        Assert.True(result.Recall >= 0.85, result.ToString());
        Assert.True(result.CustomerAccuracy >= 0.9, result.ToString());
    }

    [Theory]
    [InlineData("Acme Corp will not renew in March.", "Acme Corp", ChurnSeverity.High)]
    [InlineData("Acme Corp is not planning to renew the contract.", "Acme Corp", ChurnSeverity.High)]
    [InlineData("Globex won't be renewing, they told us today.", "Globex", ChurnSeverity.High)]
    [InlineData("acme corp's CFO asked for the cancellation terms", "Acme Corp", ChurnSeverity.High)]
    [InlineData("Globex is evaluating a competitor, they had a demo with another vendor.", "Globex", ChurnSeverity.Medium)]
    [InlineData("Umbrella’s team is a bit disappointed with reporting, not urgent.", "Umbrella Health", ChurnSeverity.Low)]
    [InlineData("They're fed up: Wide World's COO wants to know how to get their data out.", "Wide World Importers", ChurnSeverity.Medium)]
    [InlineData("Initech Labs is threatening to cancel after the outage.", "Initech Labs", ChurnSeverity.High)]
    [InlineData("Margie's Travel wants to downgrade to fewer seats.", "Margie's Travel", ChurnSeverity.Medium)]
    [InlineData("City Power and Light escalated the outage to their CEO.", "City Power & Light", ChurnSeverity.Medium)]
    public void Detects_customer_risk_and_names_the_customer(string text, string customer, ChurnSeverity severity)
    {
        var signal = _rules.Detect(text, Customers);

        Assert.Equal(ChurnKind.Customer, signal.Kind);
        Assert.Equal(customer, signal.Customer);
        Assert.Equal(severity, signal.Severity);
        Assert.InRange(signal.Score, 0.5, 1);
    }

    [Theory]
    [InlineData("We're thinking about leaving your partner program.")]
    [InlineData("Our Q3 commissions are 60 days overdue.")]
    [InlineData("Nobody on your side answers us anymore.")]
    [InlineData("Your direct sales team quoted our customer directly, again. Channel conflict like this has to stop.")]
    [InlineData("We plan to terminate the reseller agreement.")]
    public void Detects_partner_risk_without_naming_a_customer(string text)
    {
        var signal = _rules.Detect(text, Customers);

        Assert.Equal(ChurnKind.Partner, signal.Kind);
        Assert.Null(signal.Customer);
        Assert.NotNull(signal.Severity);
    }

    [Theory]
    [InlineData("Can you cancel tomorrow's meeting invite?")]
    [InlineData("I'll leave a comment on the doc.")]
    [InlineData("Bob is leaving for vacation on Friday.")]
    [InlineData("Loved your competitor analysis webinar.")]
    [InlineData("Please terminate the staging instance.")]
    [InlineData("The SSL certificate needs to be renewed.")]
    [InlineData("Acme Corp is not planning to cancel, that was a rumour.")]
    [InlineData("No churn risk at Globex, they just asked about the roadmap.")]
    [InlineData("Initech never considered leaving.")]
    [InlineData("Globex was going to churn but they renewed last week.")]
    [InlineData("How do I cancel a duplicate order?")]
    [InlineData("Is there a way to downgrade a sandbox tenant?")]
    [InlineData("Umbrella Health wasn't unhappy at all, they just had a question.")]
    [InlineData("We're not leaving the program, just reorganising.")]
    [InlineData("The umbrella policy renewal went through.")]
    [InlineData("Their AP team rejected the invoice price. They're not disputing the renewal, just the number on the page.")]
    public void Harmless_negated_resolved_and_how_to_messages_are_not_risks(string text)
    {
        var signal = _rules.Detect(text, Customers);

        Assert.Equal(ChurnKind.None, signal.Kind);
        Assert.Null(signal.Severity);
        Assert.Null(signal.Customer);
        Assert.InRange(signal.Score, 0, 0.49);
    }

    [Fact]
    public void Reasons_quote_the_cue_its_side_and_severity()
    {
        var signal = _rules.Detect("Heads up: Acme Corp will not renew.", Customers);

        Assert.Contains("cue: 'not renew' (customer, high)", signal.Reasons);
        Assert.Contains("customer: 'Acme Corp'", signal.Reasons);
    }

    [Fact]
    public void Reasons_say_what_was_negated_or_harmless()
    {
        Assert.Contains(_rules.Detect("They are not planning to cancel.", Customers).Reasons, r => r.StartsWith("negated: 'cancel'", StringComparison.Ordinal));
        Assert.Contains(_rules.Detect("Please cancel the meeting.", Customers).Reasons, r => r == "harmless: 'cancel' (meeting)");
    }

    [Fact]
    public void Names_the_customer_nearest_the_cue_when_several_are_mentioned()
    {
        var signal = _rules.Detect("Globex renewed happily last month. Separately, Initech told us they will not renew.", Customers);

        Assert.Equal("Initech", signal.Customer);
    }

    [Fact]
    public void Leaves_the_customer_null_when_the_named_company_is_not_in_the_list()
    {
        var signal = _rules.Detect("Zenith Mutual is moving to a competitor next month.", Customers);

        Assert.Equal(ChurnKind.Customer, signal.Kind);
        Assert.Null(signal.Customer);
    }

    [Fact]
    public void A_common_word_alone_never_names_a_customer()
    {
        var signal = _rules.Detect("The wide rollout made them unhappy and they want to cancel.", Customers);

        Assert.Equal(ChurnKind.Customer, signal.Kind);
        Assert.Null(signal.Customer);
    }

    [Fact]
    public void Handles_empty_and_very_long_text()
    {
        Assert.Equal(ChurnKind.None, _rules.Detect("", Customers).Kind);
        var longText = string.Concat(Enumerable.Repeat("All good here, thanks for the help. ", 2000)) + "Globex will not renew.";
        Assert.Equal("Globex", _rules.Detect(longText, Customers).Customer);
    }
}
