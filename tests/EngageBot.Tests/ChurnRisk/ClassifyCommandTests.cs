using System.Text.Json.Nodes;
using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Hosting;
using EngageBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.ChurnRisk;

public sealed class ClassifyCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        // The real host and dispatcher, in-process, as `engagebot classify …` builds them (storage kept in this test's folder).
        var builder = WebApplication.CreateBuilder(["--EngageBot:Storage:DataDirectory=" + _temp.Path]);
        builder.AddEngageBot();
        await using var app = builder.Build();
        return await CliRun.DispatchAsync(app.Services, ["classify", .. args]);
    }

    [Fact]
    public async Task Prints_one_verdict_per_line_in_input_order_with_exactly_the_specified_fields()
    {
        var input = _temp.File("in.jsonl");
        var customers = _temp.File("customers.txt");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"a","text":"Globex’s CIO says they will not renew.","kind":"ignored","extra":1}""",
            """{"id":"b","text":"Can we cancel tomorrow's meeting?"}""",
            """{"id":3,"text":"We are thinking about leaving your partner program."}""",
        ]);
        await File.WriteAllLinesAsync(customers, ["Globex", "Initech"]);

        var (code, output, error) = await RunAsync("--input", input, "--customers", customers);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(["id", "kind", "severity", "customer", "score", "reasons"], l.Select(p => p.Key)));
        Assert.Equal(("a", "customer", "high", "Globex"), (lines[0]["id"]!.GetValue<string>(), lines[0]["kind"]!.GetValue<string>(), lines[0]["severity"]!.GetValue<string>(), lines[0]["customer"]!.GetValue<string>()));
        Assert.Equal(("b", "none"), (lines[1]["id"]!.GetValue<string>(), lines[1]["kind"]!.GetValue<string>()));
        Assert.Null(lines[1]["severity"]);
        Assert.Null(lines[1]["customer"]);
        Assert.Equal((3, "partner"), (lines[2]["id"]!.GetValue<int>(), lines[2]["kind"]!.GetValue<string>()));
        Assert.All(lines, l => Assert.InRange(l["score"]!.GetValue<double>(), 0, 1));
        Assert.All(lines, l => Assert.NotEmpty(l["reasons"]!.AsArray()));
    }

    [Fact]
    public async Task Reports_malformed_lines_with_their_numbers_and_still_classifies_the_rest()
    {
        var input = _temp.File("in.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"1","text":"All good, thanks!"}""",
            """{"id":"2","text": unterminated""",
            "",
            """{"text":"no id"}""",
            """{"id":"5","text":42}""",
            """["not", "an", "object"]""",
            """{"id":"7","text":"Initech is moving to a competitor."}""",
        ]);

        var (code, output, error) = await RunAsync("--input", input);

        Assert.Equal(1, code);
        Assert.Equal(["1", "7"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()));
        Assert.Contains($"{input}:2: not valid JSON", error);
        Assert.Contains($"{input}:4: \"id\" must be a string or number", error);
        Assert.Contains($"{input}:5: \"text\" must be a string", error);
        Assert.Contains($"{input}:6: expected a JSON object", error);
        Assert.Contains("4 line(s) rejected", error);
    }

    [Fact]
    public async Task Uses_the_customer_source_when_no_customers_file_is_given()
    {
        var input = _temp.File("in.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"id":"x","text":"Initech will not renew."}"""]);
        var command = new EngageBot.Features.ChurnRisk.Cli.ClassifyCommand(new RulesChurnDetector(), new FixedCustomers(["Initech"]));
        var output = new StringWriter();

        var code = await command.RunAsync(["--input", input], output, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("Initech", JsonNode.Parse(output.ToString())!["customer"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new string[0], 2, "--input FILE.jsonl is required")]
    [InlineData(new[] { "--input" }, 2, "--input needs a file")]
    [InlineData(new[] { "--input", "x.jsonl", "--bogus" }, 2, "unexpected argument '--bogus'")]
    [InlineData(new[] { "--input", "/nonexistent/in.jsonl" }, 1, "file not found: /nonexistent/in.jsonl")]
    public async Task Rejects_bad_arguments_with_a_clear_message(string[] args, int expectedCode, string message)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(expectedCode, code);
        Assert.Contains(message, error);
    }

    private sealed class FixedCustomers(string[] names) : ICustomerNameSource
    {
        public Task<IReadOnlyList<CustomerName>> GetCustomerNamesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(CustomerName.From(names));
    }
}
