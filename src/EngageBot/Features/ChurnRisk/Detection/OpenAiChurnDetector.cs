using System.ClientModel;
using EngageBot.Features.ChurnRisk.Detection.OpenAi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>
/// Asks a model about the messages the rules find ambiguous (rules score inside the candidate band); clear verdicts,
/// including clear risks a prompt injection might try to talk down, stay with the rules. Validated verdicts are
/// cached; timeouts, HTTP errors, invalid replies and an exhausted daily budget fall back to the rules, saying so.
/// The model is the host's one IChatClient (EngageBot:AI).
/// </summary>
public sealed partial class OpenAiChurnDetector : IChurnDetector
{
    // Large directories: send only the customers the text names, so the prompt stays small.
    private const int MaxCustomersSent = 200;

    private readonly RulesChurnDetector _rules;
    private readonly ChurnDetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenAiChurnDetector> _logger;
    private readonly ChurnChatClient _client;
    private readonly ChurnCallBudget _budget;
    private readonly ChurnVerdictCache _cache;

    public OpenAiChurnDetector(RulesChurnDetector rules, IChatClient chat, IOptions<ChurnDetectionOptions> options, TimeProvider time, ILogger<OpenAiChurnDetector> logger)
    {
        _rules = rules;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _client = new ChurnChatClient(chat);
        _budget = new ChurnCallBudget(time, _options.DailyCallBudget);
        _cache = new ChurnVerdictCache(_options.CacheCapacity);
    }

    public async Task<ChurnSignal> DetectAsync(string text, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default)
    {
        var rules = _rules.Detect(text, customers);
        if (rules.Score < _options.CandidateMinScore || rules.Score > _options.CandidateMaxScore)
            return rules.WithReason($"rules verdict: score {rules.Score:0.00} outside the model band {_options.CandidateMinScore:0.00}-{_options.CandidateMaxScore:0.00}");

        var key = ChurnVerdictCache.KeyOf(text, customers);
        if (_cache.TryGet(key, out var cached)) return cached.WithReason("model verdict (cached)");
        if (!_budget.TryTake())
        {
            LogBudgetExhausted(_logger, _budget.CallsPerDay);
            return rules.WithReason($"rules verdict: model skipped, daily call budget of {_budget.CallsPerDay} used up");
        }

        var sent = customers.Count <= MaxCustomersSent ? customers : _rules.MentionedCustomers(text, customers);
        string? reply;
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            reply = await _client.CompleteAsync(ChurnPrompt.UserData(text, sent), linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, "timeout");
            return rules.WithReason($"rules verdict: model timed out after {_options.Timeout.TotalSeconds:0.#}s");
        }
        catch (ClientResultException e)
        {
            LogFallback(_logger, $"HTTP {e.Status}");
            return rules.WithReason(e.Status == 0 ? "rules verdict: model unreachable" : $"rules verdict: model call failed (HTTP {e.Status})");
        }
        catch (HttpRequestException)
        {
            LogFallback(_logger, "unreachable");
            return rules.WithReason("rules verdict: model unreachable");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            // A 200 whose body is not a chat completion: the SDK cannot read it.
            LogFallback(_logger, "unreadable response: " + e.GetType().Name);
            return rules.WithReason("rules verdict: model response unreadable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else on the way (an Entra ID token that cannot be had, a client misconfigured): still the rules.
            LogFallback(_logger, "model call failed: " + e.GetType().Name);
            return rules.WithReason("rules verdict: model call failed");
        }
        if (!ChurnReplyParser.TryParse(reply, sent, out var verdict, out var problem))
        {
            LogFallback(_logger, "invalid reply: " + problem);
            return rules.WithReason($"rules verdict: model reply rejected ({problem})");
        }
        _cache.Add(key, verdict);
        return verdict;
    }

    // Never the text, the reply or the key: partner text stays out of info-level logs.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Churn model call fell back to the rules: {Why}")]
    private static partial void LogFallback(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Churn model daily call budget of {Budget} used up; rules verdicts until UTC midnight")]
    private static partial void LogBudgetExhausted(ILogger logger, int budget);
}
