namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>A daily cap on model calls, reset at UTC midnight, so a chatty channel cannot run up the bill.</summary>
internal sealed class ChurnCallBudget(TimeProvider time, int callsPerDay)
{
    private readonly object _gate = new();
    private DateOnly _day;
    private int _used;

    public int CallsPerDay => callsPerDay;

    public bool TryTake()
    {
        lock (_gate)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (today != _day)
            {
                _day = today;
                _used = 0;
            }
            if (_used >= callsPerDay) return false;
            _used++;
            return true;
        }
    }
}
