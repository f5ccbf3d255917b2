using System.Text.Json.Nodes;

namespace EngageBot.AdaptiveCards.Tests;

/// <summary>The engine's own API contract (parity with the reference engine is in <see cref="TemplateParityTests"/>).</summary>
public class AdaptiveCardTemplateTests
{
    [Fact]
    public void Expands_bindings_repeats_and_conditions()
    {
        var template = new AdaptiveCardTemplate("""
            {"type":"AdaptiveCard","body":[
              {"type":"TextBlock","text":"Hi ${name}"},
              {"$data":"${items}","$when":"${qty > 0}","type":"TextBlock","text":"${$index}. ${label} x${qty}"}]}
            """);
        var card = template.Expand(JsonNode.Parse("""{"name":"Ann","items":[{"label":"a","qty":1},{"label":"b","qty":0},{"label":"c","qty":2}]}"""));
        Assert.Equal("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Hi Ann"},{"type":"TextBlock","text":"0. a x1"},{"type":"TextBlock","text":"2. c x2"}]}""",
            card!.ToJsonString());
    }

    [Fact]
    public void Numbers_of_data_built_in_memory_expand_like_parsed_ones()
    {
        var template = new AdaptiveCardTemplate("""{"text":"${count} partners","n":"${count}"}""");
        var expanded = template.Expand(new JsonObject { ["count"] = 3 })!;
        Assert.Equal("3 partners", (string?)expanded["text"]);
        Assert.Equal("3", expanded["n"]!.ToJsonString());
    }

    [Fact]
    public void A_whole_string_expression_that_fails_is_an_error_naming_it()
    {
        var template = new AdaptiveCardTemplate("""{"text":"${nosuchfunction(1)}"}""");
        var error = Assert.Throws<TemplateException>(() => template.Expand(new JsonObject()));
        Assert.Contains("Unknown function nosuchfunction", error.Message);
    }

    [Fact]
    public void A_syntax_error_is_reported_when_the_template_is_parsed()
    {
        Assert.Throws<TemplateException>(() => new AdaptiveCardTemplate("""{"text":"${1 +}"}"""));
        Assert.Throws<TemplateException>(() => new AdaptiveCardTemplate("""{"text":"${unclosed"}"""));
    }

    [Fact]
    public void Expansion_leaves_the_data_untouched_and_can_run_concurrently()
    {
        var template = new AdaptiveCardTemplate("""{"body":["${list}",{"$data":"${list}","v":"${$data}"}],"o":"${obj}"}""");
        var data = JsonNode.Parse("""{"list":[1,2,3],"obj":{"k":[1]}}""")!;
        var before = data.ToJsonString();
        var results = Enumerable.Range(0, 50).AsParallel().Select(_ => template.Expand(data)!.ToJsonString()).Distinct().ToList();
        Assert.Single(results);
        Assert.Equal(before, data.ToJsonString());
    }

    [Fact]
    public void Host_data_is_available_as_dollar_host()
    {
        var card = new AdaptiveCardTemplate("""{"theme":"${$host.theme}"}""").Expand(new JsonObject(), JsonNode.Parse("""{"theme":"dark"}"""));
        Assert.Equal("dark", (string?)card!["theme"]);
    }
}
