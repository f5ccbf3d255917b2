using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;
using EngageBot.Scheduling;
using EngageBot.TestSupport;
using EngageBot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace EngageBot.Tests.ChurnRisk.Escalation;

public sealed class ChurnRiskModuleEscalationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private WebApplicationBuilder Builder(params string[] settings)
    {
        var builder = FeatureModuleBuilder.Create(_dir.Path, settings);
        builder.AddDirectory();
        builder.Services.AddSingleton(new CardLibrary(RepoPaths.Cards));
        builder.AddChurnRisk();
        builder.AddScheduling();
        return builder;
    }

    [Fact]
    public async Task AddChurnRisk_registers_the_signal_handler_the_card_actions_and_the_escalation_job()
    {
        await using var app = Builder("EngageBot:ChurnRisk:Escalation:SweepInterval=00:00:20").Build();

        Assert.Contains(app.Services.GetServices<IChatEventHandler>(), h => h is ChurnSignalHandler);
        var actions = Assert.Single(app.Services.GetServices<ICardActionHandler>(), h => h is ChurnRiskActionHandler);
        Assert.Equal([CardVerbs.ChurnAcknowledge, CardVerbs.ChurnResolve, CardVerbs.ChurnReassign], actions.Verbs);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(ChurnEscalationJob.Key)));
        Assert.Equal(TimeSpan.FromSeconds(20), trigger.RepeatInterval);
        Assert.NotNull(app.Services.GetRequiredService<ChurnEscalationJob>());
    }

    [Fact]
    public async Task A_bad_deadline_is_rejected_at_start_naming_the_key()
    {
        await using var app = Builder("EngageBot:ChurnRisk:Escalation:HighAckDeadline=00:00:10").Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<ChurnEscalationOptions>>().Value);
        Assert.Contains("EngageBot:ChurnRisk:Escalation:HighAckDeadline", error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
