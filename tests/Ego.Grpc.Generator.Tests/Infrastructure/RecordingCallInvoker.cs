using Ego.Grpc;

namespace Ego.Grpc.Generator.Tests.Infrastructure;

/// <summary>A CallInvoker that records what generated clients pass to it and answers with a fixed response.</summary>
internal sealed class RecordingCallInvoker(object response) : CallInvoker
{
    public List<Call> Calls { get; } = [];

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        => Record<TResponse>(nameof(BlockingUnaryCall), method, host, options, request);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        => new(Task.FromResult(Record<TResponse>(nameof(AsyncUnaryCall), method, host, options, request)), Headers(), Ok, Metadata, Nothing);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        => new(new SingleMessageReader<TResponse>(Record<TResponse>(nameof(AsyncServerStreamingCall), method, host, options, request)), Headers(), Ok, Metadata, Nothing);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        => new(new DiscardingWriter<TRequest>(), Task.FromResult(Record<TResponse>(nameof(AsyncClientStreamingCall), method, host, options, null)), Headers(), Ok, Metadata, Nothing);

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        => new(new DiscardingWriter<TRequest>(), new SingleMessageReader<TResponse>(Record<TResponse>(nameof(AsyncDuplexStreamingCall), method, host, options, null)), Headers(), Ok, Metadata, Nothing);

    private TResponse Record<TResponse>(string invokerMethod, IMethod method, string? host, CallOptions options, object? request)
    {
        Calls.Add(new Call(invokerMethod, method, host, options, request));
        return (TResponse)response;
    }

    private static Task<Metadata> Headers() => Task.FromResult(new Metadata());

    private static Status Ok() => Status.DefaultSuccess;

    private static Metadata Metadata() => new();

    private static void Nothing()
    {
    }

    public sealed record Call(string InvokerMethod, IMethod Method, string? Host, CallOptions Options, object? Request);

    private sealed class SingleMessageReader<T>(T message) : IAsyncStreamReader<T>
    {
        private bool _read;

        public T Current => _read ? message : throw new InvalidOperationException("MoveNext was not called.");

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = !_read;
            _read = true;
            return Task.FromResult(moved);
        }
    }

    private sealed class DiscardingWriter<T> : IClientStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message) => Task.CompletedTask;

        public Task WriteAsync(T message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CompleteAsync() => Task.CompletedTask;
    }
}
