using Microsoft.AspNetCore.Http;

namespace Ego.Grpc;

/// <summary>The context of a call being served: its metadata, deadline, cancellation and status.</summary>
public abstract class ServerCallContext
{
    /// <summary>The method's full name, e.g. <c>/helloworld.Greeter/SayHello</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The <c>:authority</c> the client called.</summary>
    public abstract string Host { get; }

    /// <summary>The client's address, e.g. <c>ipv4:127.0.0.1:51234</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>The call's deadline in UTC; <see cref="DateTime.MaxValue"/> when none.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Trailers sent with the status at the end of the call.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>Fires when the client cancels, the deadline passes or the connection drops.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The status sent when the handler returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Default options of response writes.</summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    /// <summary>State shared by interceptors and the handler for this call.</summary>
    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>Sends the response headers now; at most once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    /// <summary>The underlying HTTP context, when served over ASP.NET Core.</summary>
    public abstract HttpContext? GetHttpContext();
}
