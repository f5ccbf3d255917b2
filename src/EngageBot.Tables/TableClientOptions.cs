using Azure.Core;

namespace EngageBot.Tables;

/// <summary>Pipeline options (retries, logging, transport) for <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The storage service version sent as x-ms-version. 2019-02-02 is what Azure.Data.Tables sends and Azurite accepts.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";

    /// <summary>The Entra ID token scope (sovereign clouds use storage.azure.us / storage.azure.cn).</summary>
    public string Audience { get; set; } = "https://storage.azure.com/.default";

    /// <summary>The clock that dates signed requests (the service rejects dates more than 15 minutes off).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
