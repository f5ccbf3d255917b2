using EngageBot.Features.Tickets.Handling;

namespace EngageBot.Tests.Tickets;

public sealed class QuestionClassifierTests
{
    [Theory]
    [InlineData("thanks!")]
    [InlineData("Thank you so much 🙏")]
    [InlineData("ok great")]
    [InlineData("OK, got it — thanks again")]
    [InlineData("+1")]
    [InlineData("👍")]
    [InlineData("🙏🎉")]
    [InlineData(":tada: :+1:")]
    [InlineData("sounds good, cheers")]
    [InlineData("Perfect, that works for us!")]
    [InlineData("...")]
    [InlineData("")]
    public void Pleasantries_are_recognised(string text) => Assert.Equal(MessageIntent.Pleasantry, QuestionClassifier.Classify(text));

    [Theory]
    [InlineData("How do I rotate our API key?")]
    [InlineData("Can someone look at the billing export")]
    [InlineData("The SSO login is not working for our users since this morning")]
    [InlineData("Please send us the updated price list")]
    [InlineData("We need access to the sandbox for a new engineer")]
    [InlineData("thanks! one more thing: is there a limit on webhooks?")]
    [InlineData("Getting a 500 error when calling /v2/orders")]
    [InlineData("<@U123> any update on the renewal quote")]
    public void Questions_and_requests_are_recognised(string text) => Assert.Equal(MessageIntent.Question, QuestionClassifier.Classify(text));

    [Theory]
    [InlineData("FYI we shipped the integration to production today.")]
    [InlineData("Our team will be at the conference next week.")]
    public void Statements_are_neither(string text) => Assert.Equal(MessageIntent.Statement, QuestionClassifier.Classify(text));
}
