using Azure.Core;
using Azure.Core.Pipeline;

namespace EngageBot.TestSupport;

/// <summary>Counts HTTP requests sent to Table Storage (per retry: every request the service would bill).</summary>
public sealed class RequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
