using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

/// <summary>Client calls made while serving a call inherit its deadline and cancellation.</summary>
public sealed class ServerCallContextAccessorTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly Method<string, string> Inner = new(MethodType.Unary, TestMethods.Service, "Inner", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    [Fact]
    public async Task NestedCall_OuterHasDeadline_InnerGetsItAndIsCancelledWhenItPasses()
    {
        var innerCancelled = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var innerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await StartChainAsync(innerCancelled, innerStarted);

        // Long enough for the inner call to start even on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(2);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: deadline), "x"));
        Assert.True(innerStarted.Task.IsCompleted, "the inner call never reached its handler");
        var innerDeadline = await innerCancelled.Task.WaitAsync(Wait);

        // grpc-timeout is relative, so each hop's deadline is computed on arrival and may drift by the time a busy
        // machine takes to deliver the call; a deadline that was not propagated would be DateTime.MaxValue.
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(innerDeadline <= deadline.AddSeconds(1), $"inner deadline {innerDeadline:O} is not the outer {deadline:O}");
    }

    [Fact]
    public async Task NestedCall_OuterCancelledByClient_InnerHandlerIsCancelled()
    {
        var innerCancelled = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var innerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var test = await StartChainAsync(innerCancelled, innerStarted);
        using var cancellation = new CancellationTokenSource();

        using var call = test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(cancellationToken: cancellation.Token), "x");
        await innerStarted.Task.WaitAsync(Wait);
        await cancellation.CancelAsync();
        var innerDeadline = await innerCancelled.Task.WaitAsync(Wait);

        Assert.Equal(DateTime.MaxValue, innerDeadline);
        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(async () => await call)).StatusCode);
    }

    /// <summary>A server whose Unary method calls Inner, which waits until cancelled and reports its deadline.</summary>
    private static async Task<TestServer> StartChainAsync(TaskCompletionSource<DateTime> innerCancelled, TaskCompletionSource? started)
    {
        CallInvoker? invoker = null;
        var definition = ServerServiceDefinition.CreateBuilder()
            .AddMethod(TestMethods.Unary, (string request, ServerCallContext _) => invoker!.AsyncUnaryCall(Inner, null, new CallOptions(), request).ResponseAsync)
            .AddMethod(Inner, async (string request, ServerCallContext context) =>
            {
                started?.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    innerCancelled.TrySetResult(context.Deadline);
                    throw;
                }

                return request;
            })
            .Build();
        var test = await TestServer.StartAsync(b => b.AddService(definition));
        invoker = test.Invoker;
        return test;
    }
}
