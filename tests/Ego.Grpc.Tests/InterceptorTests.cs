using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

public sealed class InterceptorTests
{
    [Fact]
    public async Task ServerInterceptors_TwoAdded_FirstRunsOutermost()
    {
        var log = new List<string>();
        await using var test = await TestServer.StartAsync(b => b
            .AddInterceptor(new RecordingInterceptor("A", log))
            .AddInterceptor(new RecordingInterceptor("B", log))
            .AddService(EchoService.Create(unary: (request, _) =>
            {
                log.Add("handler");
                return Task.FromResult(request);
            })));

        await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");

        Assert.Equal(["A>", "B>", "handler", "<B", "<A"], log);
    }

    [Fact]
    public async Task ClientInterceptors_TwoAdded_FirstRunsOutermostAndCanAddHeaders()
    {
        var log = new List<string>();
        string? seenHeader = null;
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, context) =>
        {
            seenHeader = context.RequestHeaders.GetValue("added-by");
            return Task.FromResult(request);
        })));
        var invoker = test.Invoker.Intercept(new RecordingInterceptor("A", log), new RecordingInterceptor("B", log));

        await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");

        Assert.Equal(["A>", "B>", "<B", "<A"], log);
        Assert.Equal("B", seenHeader);
    }

    [Fact]
    public async Task ServerInterceptor_StreamingHandlers_AreWrapped()
    {
        var log = new List<string>();
        await using var test = await TestServer.StartAsync(b => b.AddInterceptor(new RecordingInterceptor("A", log)).AddService(EchoService.Create()));

        using var call = test.Invoker.AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "ab");
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
        }

        Assert.Equal(["A>stream", "<A"], log);
    }

    /// <summary>Records entry and exit; on the client it also adds an <c>added-by</c> header (the innermost wins).</summary>
    private sealed class RecordingInterceptor(string name, List<string> log) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            log.Add(name + ">");
            var response = await continuation(request, context);
            log.Add("<" + name);
            return response;
        }

        public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            log.Add(name + ">stream");
            await continuation(request, responseStream, context);
            log.Add("<" + name);
        }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            log.Add(name + ">");
            var headers = new Metadata();
            foreach (var entry in context.Options.Headers ?? [])
            {
                if (entry.Key != "added-by")
                {
                    headers.Add(entry);
                }
            }

            headers.Add("added-by", name);
            var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
            log.Add("<" + name);
            return call;
        }
    }
}
