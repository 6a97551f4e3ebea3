using Ego.Grpc.Compression;
using Microsoft.Extensions.Logging;

namespace Ego.Grpc.Internal.Server;

/// <summary>The settings and services every call of one server shares.</summary>
internal sealed class ServerCallRuntime(int maxReceiveMessageSize, int maxSendMessageSize, ICompressionProvider? responseCompression, ILogger logger, TimeProvider timeProvider)
{
    public int MaxReceiveMessageSize { get; } = maxReceiveMessageSize;

    public int MaxSendMessageSize { get; } = maxSendMessageSize;

    /// <summary>The encoding of responses when the client accepts it; null to follow the request's encoding.</summary>
    public ICompressionProvider? ResponseCompression { get; } = responseCompression;

    public ILogger Logger { get; } = logger;

    public TimeProvider TimeProvider { get; } = timeProvider;
}
