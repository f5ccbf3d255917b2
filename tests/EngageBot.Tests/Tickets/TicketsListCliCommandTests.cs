using System.Text.Json;
using EngageBot.Features.Tickets.Commands;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

public sealed class TicketsListCliCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TicketTestHost _host;

    public TicketsListCliCommandTests() => _host = new TicketTestHost(_dir.File("tickets.db"), new ManualTimeProvider());

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await new TicketsListCliCommand(_host.Store).RunAsync(args, output, error, default);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Lists_open_tickets_of_all_partners_or_one_as_a_table_or_json()
    {
        await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        await _host.PostAsync(TicketTestHost.Partner("U-G"), "Where is the renewal quote?", channelId: "C-GLOBEX");
        var resolved = await _host.PostAsync(TicketTestHost.Partner("U-P3"), "Can you reset my password?");
        await _host.ReactAsync(TicketTestHost.Internal(), resolved, "white_check_mark");

        var all = await RunAsync();
        Assert.Equal(0, all.Code);
        Assert.Contains("acme", all.Out);
        Assert.Contains("globex", all.Out);
        Assert.DoesNotContain("reset my password", all.Out);

        var json = await RunAsync("--partner", "globex", "--json");
        var rows = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(1, rows.GetArrayLength());
        Assert.Equal("Where is the renewal quote?", rows[0].GetProperty("question").GetString());
        Assert.True(rows[0].TryGetProperty("firstResponseDue", out _));
    }

    [Fact]
    public async Task Unknown_arguments_are_a_usage_error()
    {
        var result = await RunAsync("--partner");
        Assert.Equal(2, result.Code);
        Assert.Contains("Usage: engagebot tickets list", result.Err);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
