using Ego.Grpc;
using Microsoft.AspNetCore.Http;

namespace Ego.Resilience.Timeouts.Internal;

/// <summary>The call as the handler sees it under a configured deadline sooner than the caller's: that deadline and its token.</summary>
internal sealed class DeadlineServerCallContext(ServerCallContext inner, DateTime deadline, CancellationToken cancellationToken) : ServerCallContext
{
    public override string Method => inner.Method;

    public override string Host => inner.Host;

    public override string Peer => inner.Peer;

    public override DateTime Deadline => deadline;

    public override Metadata RequestHeaders => inner.RequestHeaders;

    public override Metadata ResponseTrailers => inner.ResponseTrailers;

    public override CancellationToken CancellationToken => cancellationToken;

    public override Status Status
    {
        get => inner.Status;
        set => inner.Status = value;
    }

    public override WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public override IDictionary<object, object> UserState => inner.UserState;

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => inner.WriteResponseHeadersAsync(responseHeaders);

    public override HttpContext? GetHttpContext() => inner.GetHttpContext();
}
