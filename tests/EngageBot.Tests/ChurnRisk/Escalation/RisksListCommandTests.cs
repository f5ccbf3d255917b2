using System.Text.Json;
using EngageBot.Features.ChurnRisk.Cli;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;

namespace EngageBot.Tests.ChurnRisk.Escalation;

public sealed class RisksListCommandTests : IDisposable
{
    private readonly EscalationWorld _world = new();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var command = new RisksListCommand(_world.Store, _world.Primary.GetRequiredService<IPartnerDirectory>());
        var code = await command.RunAsync(args, output, error, default);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(string Active, string Resolved)> TwoRisksOneResolvedAsync()
    {
        await _world.PostAsync("Globex will not renew in March.");
        var globex = await _world.SingleRiskAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        await _world.PostAsync("Initech told us they will not renew unless the SSO issue is fixed.");
        await _world.Store.UpdateAsync(globex.Id, r => r.Resolve("olivia", RiskOutcome.Saved, "renewed", _world.Clock.GetUtcNow()));
        var initech = _world.Outbox.DirectMessages.Select(d => d.Key.Split('|')[1]).Distinct().Single(id => id != globex.Id);
        return (initech, globex.Id);
    }

    [Fact]
    public async Task Lists_active_risks_by_default_and_resolved_ones_on_request()
    {
        var (active, resolved) = await TwoRisksOneResolvedAsync();

        var byDefault = await RunAsync();
        var done = await RunAsync("--status", "resolved", "--partner", "acme");

        Assert.Equal(0, byDefault.Code);
        Assert.Contains(active, byDefault.Out);
        Assert.Contains("Initech", byDefault.Out);
        Assert.Contains("Olivia Owner", byDefault.Out);
        Assert.DoesNotContain(resolved, byDefault.Out);
        Assert.Contains(resolved, done.Out);
        Assert.Contains("resolved:saved", done.Out);
        Assert.DoesNotContain(active, done.Out);
    }

    [Fact]
    public async Task Json_lists_every_risk_with_its_evidence_for_scripts()
    {
        var (active, resolved) = await TwoRisksOneResolvedAsync();

        var all = await RunAsync("--status", "all", "--json");

        var rows = JsonDocument.Parse(all.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal([active, resolved], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("resolved", rows[1].GetProperty("status").GetString());
        Assert.Equal("saved", rows[1].GetProperty("outcome").GetString());
        Assert.Equal("Globex", rows[1].GetProperty("customer").GetString());
        Assert.Contains("Globex will not renew", rows[1].GetProperty("evidence")[0].GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Another_partner_or_an_unknown_status_is_answered_clearly()
    {
        await TwoRisksOneResolvedAsync();

        var none = await RunAsync("--partner", "globex-corp");
        var bad = await RunAsync("--status", "closed");

        Assert.Equal((0, "No churn risks with that status for partner globex-corp."), (none.Code, none.Out.Trim()));
        Assert.Equal(2, bad.Code);
        Assert.Contains("acknowledged", bad.Err);
    }

    public void Dispose() => _world.Dispose();
}
