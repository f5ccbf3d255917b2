using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Channels.Teams;
using EngageBot.TestSupport.FakeTeams;
using Microsoft.IdentityModel.Tokens;

namespace EngageBot.Tests.Teams;

/// <summary>POST /api/messages against a real loopback OpenID/JWKS server: every check of the Bot Framework auth doc.</summary>
public sealed class TeamsInboundAuthTests(TeamsEnvironment env) : IClassFixture<TeamsEnvironment>
{
    private FakeBotFrameworkAuthority _authority => env.Authority;
    private TeamsHost _host => env.Host;
    private string ServiceUrl => env.ServiceUrl;

    [Fact]
    public async Task Valid_token_is_accepted_once_even_when_posted_twice()
    {
        var activity = TeamsActivities.ChannelMention(ServiceUrl, id: "valid-1");
        var token = _authority.MintToken(TeamsHost.AppId, ServiceUrl);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity, token)).StatusCode);

        var posted = Assert.Single(_host.Inbox.Accepted, e => e.DedupKey.Contains("valid-1", StringComparison.Ordinal));
        var message = Assert.IsType<MessagePosted>(posted);
        Assert.Equal("status of order 42?", message.Text);
        Assert.True(message.MentionsBot);
        Assert.NotNull(await References().FindConversationAsync(TeamsActivities.ChannelId));
    }

    [Fact]
    public async Task Missing_header_is_401_and_leaves_no_trace() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, null);

    [Fact]
    public async Task Malformed_token_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, "not-a-jwt");

    [Fact]
    public async Task Non_bearer_scheme_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken(TeamsHost.AppId, ServiceUrl), scheme: "Basic");

    [Fact]
    public async Task Token_signed_with_an_unpublished_key_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken(TeamsHost.AppId, ServiceUrl, signingKey: ForgedKeyWithKnownKid()));

    [Fact]
    public async Task Token_expired_beyond_five_minutes_of_skew_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken(TeamsHost.AppId, ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddMinutes(-6);
        }));

    [Fact]
    public async Task Token_expired_within_the_skew_is_still_accepted()
    {
        var token = _authority.MintToken(TeamsHost.AppId, ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-1);
            d.Expires = DateTime.UtcNow.AddMinutes(-3);
        });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TeamsActivities.ChannelMention(ServiceUrl, id: "skew-1"), token)).StatusCode);
    }

    [Fact]
    public async Task Token_not_yet_valid_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken(TeamsHost.AppId, ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(10);
            d.Expires = DateTime.UtcNow.AddMinutes(70);
        }));

    [Fact]
    public async Task Token_for_another_bot_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken("99999999-0000-0000-0000-000000000000", ServiceUrl));

    [Fact]
    public async Task Token_from_another_issuer_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken(TeamsHost.AppId, ServiceUrl, d => d.Issuer = "https://sts.windows.net/evil/"));

    [Fact]
    public async Task Unsigned_alg_none_token_is_401() =>
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, FakeBotFrameworkAuthority.MintUnsigned(TeamsHost.AppId, ServiceUrl));

    [Fact]
    public async Task Hs256_token_is_401()
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256!!")) { KeyId = _authority.CurrentKey.KeyId };
        await AssertRejectedAsync(HttpStatusCode.Unauthorized, _authority.MintToken(TeamsHost.AppId, ServiceUrl, signingKey: secret, algorithm: SecurityAlgorithms.HmacSha256));
    }

    [Fact]
    public async Task Key_not_endorsed_for_msteams_is_403() =>
        await AssertRejectedAsync(HttpStatusCode.Forbidden, _authority.MintToken(TeamsHost.AppId, ServiceUrl, signingKey: env.WebchatOnlyKey));

    [Fact]
    public async Task Serviceurl_claim_that_differs_from_the_activity_is_403() =>
        await AssertRejectedAsync(HttpStatusCode.Forbidden, _authority.MintToken(TeamsHost.AppId, "https://smba.trafficmanager.net/evil/"));

    [Fact]
    public async Task Serviceurl_claim_is_compared_case_insensitively()
    {
        var token = _authority.MintToken(TeamsHost.AppId, ServiceUrl.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TeamsActivities.ChannelMention(ServiceUrl, id: "case-1"), token)).StatusCode);
    }

    private async Task AssertRejectedAsync(HttpStatusCode expected, string? token, string scheme = "Bearer")
    {
        var id = "rejected-" + Guid.NewGuid().ToString("N");
        var activity = TeamsActivities.ChannelMention(ServiceUrl, id: id);
        var channel = $"19:{id}@thread.tacv2";
        activity["conversation"]!["id"] = channel;

        var response = await PostAsync(activity, token, scheme);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(_host.Inbox.Accepted, e => e.DedupKey.Contains(id, StringComparison.Ordinal));
        Assert.Null(await References().FindConversationAsync(channel));
    }

    // Same kid as the published key, different key material: only the signature check can catch it.
    private RsaSecurityKey ForgedKeyWithKnownKid()
    {
        var forged = FakeBotFrameworkAuthority.NewKey();
        forged.KeyId = _authority.CurrentKey.KeyId;
        return forged;
    }

    private ConversationReferenceStore References() => env.References;

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token, string scheme = "Bearer") => env.PostAsync(activity, token, scheme);
}
