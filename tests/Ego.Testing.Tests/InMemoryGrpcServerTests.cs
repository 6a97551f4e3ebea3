using Ego.Grpc;
using Ego.Testing.Tests.V1;

namespace Ego.Testing.Tests;

public sealed class InMemoryGrpcServerTests
{
    [Fact]
    public async Task Unary_InMemory_ReturnsResponseAndTrailers()
    {
        await using var server = await InMemoryGrpcServer.StartAsync(b => b.AddService(new CounterService()));
        var client = server.CreateClient<Counter.CounterClient>();

        var call = client.IncrementAsync(new Count { Value = 41 });
        var reply = await call;

        Assert.Equal(42, reply.Value);
        Assert.Equal("counter", call.GetTrailers().GetValue("x-served-by"));
    }

    [Fact]
    public async Task Streaming_AllKinds_WorkInMemory()
    {
        await using var server = await InMemoryGrpcServer.StartAsync(b => b.AddService(new CounterService()));
        var client = server.CreateClient<Counter.CounterClient>();

        using var up = client.CountUp(new Count { Value = 3 });
        var upValues = new List<int>();
        await foreach (var count in up.ResponseStream.ReadAllAsync())
        {
            upValues.Add(count.Value);
        }

        using var sum = client.Sum();
        foreach (var value in new[] { 1, 2, 3 })
        {
            await sum.RequestStream.WriteAsync(new Count { Value = value });
        }

        await sum.RequestStream.CompleteAsync();

        using var echo = client.Echo();
        await echo.RequestStream.WriteAsync(new Count { Value = 9 });
        Assert.True(await echo.ResponseStream.MoveNext(CancellationToken.None));
        var echoed = echo.ResponseStream.Current.Value;
        await echo.RequestStream.CompleteAsync();

        Assert.Equal([1, 2, 3], upValues);
        Assert.Equal(6, (await sum.ResponseAsync).Value);
        Assert.Equal(10, echoed);
        Assert.False(await echo.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Deadline_Exceeded_ReportsDeadlineExceeded()
    {
        await using var server = await InMemoryGrpcServer.StartAsync(b => b.AddService(new CounterService()));
        var client = server.CreateClient<Counter.CounterClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.IncrementAsync(new Count { Value = -1 }, deadline: DateTime.UtcNow.AddMilliseconds(200)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task UnknownService_InMemory_Unimplemented()
    {
        await using var server = await InMemoryGrpcServer.StartAsync(_ => { });
        var client = server.CreateClient<Counter.CounterClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.IncrementAsync(new Count()));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
