using Ego.Grpc;
using Ego.Resilience.Tests.Client.Support;
using Ego.Tests.Shared;

namespace Ego.Resilience.Tests.Client;

/// <summary><see cref="Ego.Resilience.Client.GrpcClientResilienceInterceptor"/> between a real Ego client and server on 127.0.0.1.</summary>
public sealed class GrpcClientResilienceIntegrationTests
{
    private static readonly (string, string)[] Retries = [("grpc:user:retry:methods:0", "/test.Echo/*"), ("grpc:user:retry:initialBackoff", "5ms")];

    [Fact]
    public async Task UnaryCall_FirstAttemptUnavailable_SucceedsOnAnotherAttemptAndIsObservedOnce()
    {
        var calls = 0;
        await using var server = await EchoServer.StartAsync((request, _) => Interlocked.Increment(ref calls) == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "warming up"))
            : Task.FromResult("echo " + request));
        using var metrics = new MetricsRecorder();
        using var client = server.CreateClient(Retries);

        var response = await client.CallInvoker.AsyncUnaryCall(EchoMethods.Unary, null, new CallOptions(), "hi");

        Assert.Equal("echo hi", response);
        Assert.Equal(2, calls);
        var handled = metrics.Where("ego_client_handle_total", "method", "/test.Echo/Unary").Where(l => server.Address.EndsWith(l["peer"], StringComparison.Ordinal)).ToList();
        Assert.Equal("OK", Assert.Single(handled)["code"]);
    }

    [Fact]
    public async Task BlockingUnaryCall_FirstAttemptUnavailable_SucceedsOnAnotherAttempt()
    {
        var calls = 0;
        await using var server = await EchoServer.StartAsync((request, _) => Interlocked.Increment(ref calls) == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "warming up"))
            : Task.FromResult("echo " + request));
        using var client = server.CreateClient(Retries);

        var response = await Task.Run(() => client.CallInvoker.BlockingUnaryCall(EchoMethods.Unary, null, new CallOptions(), "hi"));

        Assert.Equal("echo hi", response);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ServerStreamingCall_FailsAfterFirstMessage_IsNotRetried()
    {
        var calls = 0;
        await using var server = await EchoServer.StartAsync((r, _) => Task.FromResult(r), async (request, responses, context) =>
        {
            Interlocked.Increment(ref calls);
            await responses.WriteAsync("first", context.CancellationToken);
            throw new RpcException(new Status(StatusCode.Unavailable, "gone"));
        });
        using var client = server.CreateClient(Retries);

        using var call = client.CallInvoker.AsyncServerStreamingCall(EchoMethods.ServerStreaming, null, new CallOptions(), "hi");
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("first", call.ResponseStream.Current);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ServerStreamingCall_FailsBeforeFirstMessage_IsRetried()
    {
        var calls = 0;
        await using var server = await EchoServer.StartAsync((r, _) => Task.FromResult(r), async (request, responses, context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "not yet"));
            }

            await responses.WriteAsync("a", context.CancellationToken);
            await responses.WriteAsync("b", context.CancellationToken);
        });
        using var client = server.CreateClient(Retries);

        using var call = client.CallInvoker.AsyncServerStreamingCall(EchoMethods.ServerStreaming, null, new CallOptions(), "hi");
        var received = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            received.Add(message);
        }

        Assert.Equal(["a", "b"], received);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ServerStreamingCall_OverTheRateLimit_FailsOnReadAndIsObservedAsAFailedCall()
    {
        await using var server = await EchoServer.StartAsync((r, _) => Task.FromResult(r), (request, responses, context) => responses.WriteAsync("a", context.CancellationToken));
        using var metrics = new MetricsRecorder();
        using var client = server.CreateClient(("grpc:user:rateLimit:rps", "0.001"), ("grpc:user:rateLimit:burst", "1"));
        using (var first = client.CallInvoker.AsyncServerStreamingCall(EchoMethods.ServerStreaming, null, new CallOptions(), "hi"))
        {
            await foreach (var _ in first.ResponseStream.ReadAllAsync())
            {
            }
        }

        using var call = client.CallInvoker.AsyncServerStreamingCall(EchoMethods.ServerStreaming, null, new CallOptions(), "hi");
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, call.GetStatus().StatusCode);
        var handled = metrics.Where("ego_client_handle_total", "method", "/test.Echo/ServerStreaming").Where(l => server.Address.EndsWith(l["peer"], StringComparison.Ordinal));
        Assert.Equal(["OK", "ResourceExhausted"], handled.Select(l => l["code"]));
    }

    [Fact]
    public async Task UnaryCall_DownstreamDownThenUp_BreakerOpensThenCloses()
    {
        var down = true;
        var calls = 0;
        await using var server = await EchoServer.StartAsync((request, _) =>
        {
            Interlocked.Increment(ref calls);
            return Volatile.Read(ref down) ? throw new RpcException(new Status(StatusCode.Unavailable, "down")) : Task.FromResult(request);
        });
        using var client = server.CreateClient(("grpc:user:breaker:window", "1s"), ("grpc:user:breaker:probeInterval", "100ms"));

        var open = 0;
        for (var i = 0; i < 200; i++)
        {
            var error = await Assert.ThrowsAsync<RpcException>(async () => await client.CallInvoker.AsyncUnaryCall(EchoMethods.Unary, null, new CallOptions(), "x"));
            open += error.Status.Detail == "circuit open for grpc.user/test.Echo/Unary" ? 1 : 0;
        }

        Assert.True(open > 100, $"only {open} of 200 calls were failed locally");
        Assert.Equal(200 - open, calls);

        Volatile.Write(ref down, false);
        var until = DateTime.UtcNow.AddSeconds(15);
        var streak = 0;
        while (streak < 50 && DateTime.UtcNow < until)
        {
            try
            {
                await client.CallInvoker.AsyncUnaryCall(EchoMethods.Unary, null, new CallOptions(), "x");
                streak++;
            }
            catch (RpcException)
            {
                streak = 0;
                await Task.Delay(10);
            }
        }

        Assert.Equal(50, streak);
    }
}
