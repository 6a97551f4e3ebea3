using Ego.Grpc;
using Microsoft.AspNetCore.Http;

namespace Ego.Resilience.Tests.Support;

/// <summary>A server call without a transport, for driving an interceptor directly: no caller deadline, a caller token the test cancels.</summary>
internal sealed class StandaloneCallContext(string method, CancellationToken callerGone = default) : ServerCallContext
{
    private readonly Dictionary<object, object> state = [];

    public override string Method => method;

    public override string Host => "127.0.0.1:9002";

    public override string Peer => "ipv4:127.0.0.1:50000";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = [];

    public override Metadata ResponseTrailers { get; } = [];

    public override CancellationToken CancellationToken => callerGone;

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override IDictionary<object, object> UserState => state;

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;

    public override HttpContext? GetHttpContext() => null;
}
