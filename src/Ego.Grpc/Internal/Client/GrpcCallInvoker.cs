namespace Ego.Grpc.Internal.Client;

/// <summary>Starts calls on a <see cref="GrpcChannel"/>.</summary>
internal sealed class GrpcCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        return new AsyncUnaryCall<TResponse>(call.RunUnaryAsync(request), call.ResponseHeadersAsync, GrpcCall<TRequest, TResponse>.StatusOf, GrpcCall<TRequest, TResponse>.TrailersOf, GrpcCall<TRequest, TResponse>.DisposeOf, call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartServerStreaming(request);
        return new AsyncServerStreamingCall<TResponse>(new ClientResponseReader<TRequest, TResponse>(call), call.ResponseHeadersAsync, GrpcCall<TRequest, TResponse>.StatusOf, GrpcCall<TRequest, TResponse>.TrailersOf, GrpcCall<TRequest, TResponse>.DisposeOf, call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        var content = call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(new ClientRequestWriter<TRequest, TResponse>(call, content), call.ReadClientStreamingResponseAsync(), call.ResponseHeadersAsync, GrpcCall<TRequest, TResponse>.StatusOf, GrpcCall<TRequest, TResponse>.TrailersOf, GrpcCall<TRequest, TResponse>.DisposeOf, call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        var content = call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(new ClientRequestWriter<TRequest, TResponse>(call, content), new ClientResponseReader<TRequest, TResponse>(call), call.ResponseHeadersAsync, GrpcCall<TRequest, TResponse>.StatusOf, GrpcCall<TRequest, TResponse>.TrailersOf, GrpcCall<TRequest, TResponse>.DisposeOf, call);
    }
}
