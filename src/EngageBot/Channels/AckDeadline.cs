namespace EngageBot.Channels;

/// <summary>
/// Slack drops an ack after 3 s and retries the request. An ack that cannot store in time therefore answers 503
/// within <see cref="Budget"/> instead of waiting out the store's own retries (Table Storage's take about 10 s): the
/// platform's retry comes sooner, and nothing is acknowledged that was not stored. Wall-clock on purpose: the
/// platform's timeout is real time, whatever clock the features run on.
/// </summary>
public static class AckDeadline
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static async Task<IResult> RunAsync(HttpContext http, ILogger logger, Func<CancellationToken, Task<IResult>> ack)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(Budget);
        try
        {
            return await ack(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Path}: not stored within {Budget} s; answered 503 so the platform retries", http.Request.Path, Budget.TotalSeconds);
            return Results.Json(new { error = "Storage is not answering; retry later." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
