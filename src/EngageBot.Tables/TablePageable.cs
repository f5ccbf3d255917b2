using System.Runtime.CompilerServices;
using Azure;

namespace EngageBot.Tables;

/// <summary>Pages fetched on demand, each continuing from the previous page's token, until one comes back without a token.</summary>
internal sealed class TablePageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken) where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        await foreach (var page in Pages(continuationToken, pageSizeHint, CancellationToken).ConfigureAwait(false))
            yield return page;
    }

    private async IAsyncEnumerable<Page<T>> Pages(string? token, int? pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        do
        {
            var page = await fetch(token, pageSize, ct).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
