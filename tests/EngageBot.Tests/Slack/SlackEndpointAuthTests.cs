using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EngageBot.SlackApi.Signing;

namespace EngageBot.Tests.Slack;

public sealed class SlackEndpointAuthTests : IClassFixture<SlackHost>
{
    private readonly SlackHost _host;

    public SlackEndpointAuthTests(SlackHost host)
    {
        _host = host;
        _host.Reset();
    }

    private static string AnEvent(string id) => SlackPayloads.Envelope(SlackPayloads.Message("1793610000.000100", "hello", threadTs: null), id);

    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/interactions")]
    [InlineData("/api/slack/commands")]
    public async Task Unsigned_requests_are_refused_and_nothing_is_stored(string path)
    {
        var response = await _host.CreateClient().SendAsync(SlackHost.Request(path, AnEvent("Ev-unsigned"), "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        var body = AnEvent("Ev-forged");
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = SlackHost.Request("/api/slack/events", body, "application/json");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign("not-our-secret", ts, Encoding.UTF8.GetBytes(body)));

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task A_stale_signature_is_refused()
    {
        var response = await _host.PostSignedAsync("/api/slack/events", AnEvent("Ev-stale"), signedAt: _host.Time.GetUtcNow().AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task A_captured_signature_replayed_with_another_body_is_refused()
    {
        var original = AnEvent("Ev-original");
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SlackRequestVerifier.Sign(SlackHost.SigningSecret, ts, Encoding.UTF8.GetBytes(original));
        var request = SlackHost.Request("/api/slack/events", AnEvent("Ev-injected"), "application/json");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, signature);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        var response = await _host.PostSignedAsync("/api/slack/events", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)json["challenge"]);
    }

    [Fact]
    public async Task Slacks_unsigned_ssl_check_is_answered_without_storing_anything()
    {
        var response = await _host.CreateClient().SendAsync(
            SlackHost.Request("/api/slack/commands", "ssl_check=1&token=XXYYZZ", "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_json_is_a_clear_bad_request()
    {
        var response = await _host.PostSignedAsync("/api/slack/events", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Events API", await response.Content.ReadAsStringAsync());
    }
}
