using Ego.Grpc;
using Ego.Resilience.Server;
using Ego.Resilience.Tests.Support;
using Ego.Resilience.Timeouts;
using Ego.Resilience.Timeouts.Internal;

namespace Ego.Resilience.Tests.Timeouts;

/// <summary>Configured deadlines of gRPC server calls, on a stepped clock: one queue per setting, joined only by calls that wait.</summary>
public sealed class DeadlineQueueTests
{
    private const string Method = "/test.Svc/Get";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly SteppingTimeProvider clock = new();

    [Fact]
    public async Task Unary_HandlerIgnoresItsTokenPastTheDeadline_AnsweredAtTheDeadlineAndItsSlotReleasedOnce()
    {
        using var interceptor = Create(maxConcurrentCalls: 1);
        var late = new TaskCompletionSource<string>();
        var call = interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method), (_, _) => late.Task);

        clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(Wait));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal($"deadline 200ms from test.methodTimeouts.{Method} exceeded", error.Status.Detail);
        Assert.Equal(0, interceptor.Governance.Gate!.InFlight);

        // The handler ending afterwards neither answers again nor frees the slot a second time.
        late.SetResult("late");
        var next = interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method), (_, _) => new TaskCompletionSource<string>().Task);
        Assert.Equal(1, interceptor.Governance.Gate.InFlight);
        var refused = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method), (request, _) => Task.FromResult(request)));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task Unary_HandlerWaitsOnItsToken_CancelledAtTheDeadlineNotBefore()
    {
        using var interceptor = Create();
        var seen = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method), async (_, context) =>
        {
            seen.SetResult(context.CancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            return "never";
        });
        var token = await seen.Task.WaitAsync(Wait);

        clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.False(token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(Wait));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task Unary_HandlerEndsBeforeTheDeadline_ItsAnswerAndNothingExpiresLater()
    {
        using var interceptor = Create(maxConcurrentCalls: 1);
        var pending = new TaskCompletionSource<string>();
        var call = interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method), (_, _) => pending.Task);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        pending.SetResult("answer");
        Assert.Equal("answer", await call.WaitAsync(Wait));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, interceptor.Governance.Gate!.InFlight);
    }

    [Fact]
    public async Task Unary_HandlerCompletesAtOnce_DoesNotJoinTheQueue()
    {
        using var interceptor = Create();
        Assert.True(interceptor.Governance.Timeouts.TryGetQueue(Method, out var queue));

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("x", await interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method), (request, _) => Task.FromResult(request)));
        }

        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Unary_CallerGoesAwayWhileTheHandlerWaits_HandlerCancelledAndNoDeadlineReported()
    {
        using var interceptor = Create();
        using var caller = new CancellationTokenSource();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = interceptor.UnaryServerHandler("x", new StandaloneCallContext(Method, caller.Token), async (_, context) =>
        {
            var token = context.CancellationToken;
            waiting.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return "never";
        });
        await waiting.Task.WaitAsync(Wait);

        await caller.CancelAsync();

        var exception = await Record.ExceptionAsync(() => call.WaitAsync(Wait));
        Assert.IsAssignableFrom<OperationCanceledException>(exception);
    }

    [Fact]
    public async Task ServerStreaming_HandlerWaitsOnItsToken_DeadlineExceededAtTheDeadline()
    {
        using var interceptor = Create();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = interceptor.ServerStreamingServerHandler<string, string>("x", null!, new StandaloneCallContext(Method), async (_, _, context) =>
        {
            var token = context.CancellationToken;
            waiting.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
        });
        await waiting.Task.WaitAsync(Wait);

        clock.Advance(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(Wait));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Queue_CallJoinsAfterALaterOne_EachExpiresAtItsOwnDeadline()
    {
        using var queue = new DeadlineQueue(new TimeoutSetting(TimeSpan.FromMilliseconds(100), "test.timeout"), clock);
        var earlier = new Expiry(new DeadlineCallContext(new StandaloneCallContext(Method), queue, clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromMilliseconds(30));
        var later = new Expiry(new DeadlineCallContext(new StandaloneCallContext(Method), queue, clock.GetTimestamp()));

        later.Call.Await(later);
        earlier.Call.Await(earlier);
        clock.Advance(TimeSpan.FromMilliseconds(70));

        await earlier.Expired.Task.WaitAsync(Wait);
        Assert.False(later.Expired.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(30));
        await later.Expired.Task.WaitAsync(Wait);
    }

    [Fact]
    public void Queue_ManyCallsFinishBehindOneStillRunning_FinishedOnesAreDropped()
    {
        using var queue = new DeadlineQueue(new TimeoutSetting(TimeSpan.FromSeconds(30), "test.timeout"), clock);
        var running = new Expiry(new DeadlineCallContext(new StandaloneCallContext(Method), queue, clock.GetTimestamp()));
        running.Call.Await(running);

        for (var i = 0; i < 10_000; i++)
        {
            var call = new DeadlineCallContext(new StandaloneCallContext(Method), queue, clock.GetTimestamp());
            call.Await(new Expiry(call));
            Assert.True(call.TryFinish());
        }

        Assert.InRange(queue.Count, 1, 64);
    }

    [Fact]
    public async Task Queue_CallFinishedRacingItsDeadline_EndsOneWayOnly()
    {
        var time = TimeProvider.System;
        using var queue = new DeadlineQueue(new TimeoutSetting(TimeSpan.FromMilliseconds(1), "test.timeout"), time);
        var finished = new List<Expiry>();
        var expired = 0;
        for (var i = 0; i < 1_000; i++)
        {
            var call = new DeadlineCallContext(new StandaloneCallContext(Method), queue, time.GetTimestamp());
            var expiry = new Expiry(call);
            call.Await(expiry);
            if (i % 10 == 1)
            {
                await expiry.Expired.Task.WaitAsync(Wait);
            }
            else if (i % 2 == 1)
            {
                // Finishes right at its deadline, racing the timer.
                while (time.GetTimestamp() < call.Due)
                {
                    Thread.SpinWait(10);
                }
            }

            if (call.TryFinish())
            {
                Assert.NotEqual(1, i % 10);
                finished.Add(expiry);
            }
            else
            {
                Assert.True(call.HasExpired);
                await expiry.Expired.Task.WaitAsync(Wait);
                expired++;
            }
        }

        await Task.Delay(50);
        Assert.DoesNotContain(finished, expiry => expiry.Expired.Task.IsCompleted);
        Assert.InRange(expired, 100, 1_000);
        Assert.NotEmpty(finished);
    }

    private GrpcServerResilienceInterceptor Create(int maxConcurrentCalls = 0) =>
        GrpcServerResilienceInterceptor.Create("test", new ServerResilienceOptions
        {
            EnableShedding = false,
            EnableRateLimit = false,
            MaxConcurrentCalls = maxConcurrentCalls,
            Timeout = TimeSpan.FromMinutes(1),
            MethodTimeouts = { [Method] = TimeSpan.FromMilliseconds(200) },
        }, timeProvider: clock, watchRules: false);

    private sealed class Expiry(DeadlineCallContext call) : IDeadlineListener
    {
        public DeadlineCallContext Call => call;

        public TaskCompletionSource Expired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnDeadline(DeadlineCallContext expired)
        {
            Assert.Same(call, expired);
            if (!Expired.TrySetResult())
            {
                throw new InvalidOperationException("told of its deadline twice");
            }
        }
    }
}
