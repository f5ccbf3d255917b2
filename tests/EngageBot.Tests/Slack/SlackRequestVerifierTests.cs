using System.Text;
using EngageBot.SlackApi.Signing;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Slack;

public sealed class SlackRequestVerifierTests
{
    // Slack's documented example (protocols.md B.1).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackRequestVerifier Verifier(DateTimeOffset now, string? secret = Secret) => new(secret, new ManualTimeProvider(now));

    [Fact]
    public void Slacks_documented_example_signature_is_computed_and_accepted()
    {
        Assert.Equal(Expected, SlackRequestVerifier.Sign(Secret, Timestamp, Body));
        Assert.Equal(SlackSignatureResult.Valid, Verifier(SignedAt.AddSeconds(30)).Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_old_or_ahead_is_stale()
    {
        Assert.Equal(SlackSignatureResult.Valid, Verifier(SignedAt.AddMinutes(5)).Verify(Timestamp, Expected, Body));
        Assert.Equal(SlackSignatureResult.Stale, Verifier(SignedAt.AddMinutes(5).AddSeconds(1)).Verify(Timestamp, Expected, Body));
        Assert.Equal(SlackSignatureResult.Stale, Verifier(SignedAt.AddMinutes(-5).AddSeconds(-1)).Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void A_changed_body_or_wrong_secret_does_not_match()
    {
        var tampered = Body.ToArray();
        tampered[^1] ^= 1;
        Assert.Equal(SlackSignatureResult.Mismatch, Verifier(SignedAt).Verify(Timestamp, Expected, tampered));
        Assert.Equal(SlackSignatureResult.Mismatch, Verifier(SignedAt, "another-secret").Verify(Timestamp, Expected, Body));
        Assert.Equal(SlackSignatureResult.Mismatch, Verifier(SignedAt).Verify(Timestamp, "v0=not-hex", Body));
        Assert.Equal(SlackSignatureResult.Mismatch, Verifier(SignedAt).Verify(Timestamp, Expected[..^2], Body));
    }

    [Fact]
    public void Unknown_versions_and_missing_headers_are_refused()
    {
        Assert.Equal(SlackSignatureResult.UnknownVersion, Verifier(SignedAt).Verify(Timestamp, "v1" + Expected[2..], Body));
        Assert.Equal(SlackSignatureResult.MissingHeaders, Verifier(SignedAt).Verify(null, Expected, Body));
        Assert.Equal(SlackSignatureResult.MissingHeaders, Verifier(SignedAt).Verify(Timestamp, "", Body));
        Assert.Equal(SlackSignatureResult.Stale, Verifier(SignedAt).Verify("not-a-number", Expected, Body));
    }

    [Fact]
    public void Nothing_passes_when_no_secret_is_configured()
    {
        Assert.Equal(SlackSignatureResult.NoSecretConfigured, Verifier(SignedAt, secret: null).Verify(Timestamp, Expected, Body));
        Assert.Equal(SlackSignatureResult.NoSecretConfigured, Verifier(SignedAt, secret: "").Verify(Timestamp, Expected, Body));
    }
}
