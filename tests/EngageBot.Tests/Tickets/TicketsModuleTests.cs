using EngageBot.Channels;
using EngageBot.Cli;
using EngageBot.Features.Tickets;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Scheduling;
using EngageBot.TestSupport;
using EngageBot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace EngageBot.Tests.Tickets;

public sealed class TicketsModuleTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private WebApplicationBuilder Builder(params string[] settings)
    {
        var builder = FeatureModuleBuilder.Create(_dir.Path, settings);
        builder.Services.AddSingleton<ITicketPolicySource>(TicketTestHost.DefaultPolicies());
        builder.AddTickets();
        builder.AddScheduling();
        return builder;
    }

    [Fact]
    public async Task AddTickets_registers_the_handlers_the_CLI_verb_and_the_sweep_job()
    {
        await using var app = Builder("EngageBot:Tickets:SweepInterval=00:00:20").Build();
        Assert.Contains(app.Services.GetServices<IChatEventHandler>(), h => h is TicketEventHandler);
        Assert.Contains(app.Services.GetServices<ICardActionHandler>(), h => h.Verbs.Contains(TicketVerbs.Resolve));
        Assert.Contains(app.Services.GetServices<ICliCommand>(), c => c.Verb == "tickets list");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(TicketSlaSweepJob.Key));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(TicketSlaSweepJob.Key)));
        Assert.Equal(TimeSpan.FromSeconds(20), trigger.RepeatInterval);
    }

    [Fact]
    public async Task A_sweep_interval_over_a_minute_is_rejected_naming_the_key()
    {
        await using var app = Builder("EngageBot:Tickets:SweepInterval=00:05:00").Build();
        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<TicketsOptions>>().Value);
        Assert.Contains("EngageBot:Tickets:SweepInterval", error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
