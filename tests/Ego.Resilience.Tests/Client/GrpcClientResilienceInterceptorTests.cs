using Ego.Grpc;
using Ego.Resilience.Client;
using Ego.Resilience.Tests.Client.Support;

namespace Ego.Resilience.Tests.Client;

public sealed class GrpcClientResilienceInterceptorTests
{
    private readonly FakeClock clock = new();

    private GrpcClientResilienceInterceptor Create(Action<ClientResilienceOptions> configure)
    {
        var options = new ClientResilienceOptions();
        options.Retry.InitialBackoff = TimeSpan.FromMilliseconds(100);
        configure(options);
        return new GrpcClientResilienceInterceptor(new ClientResilience("grpc.user", ClientResilience.Grpc, options, null, clock, () => 1.0, () => 0.0));
    }

    [Fact]
    public async Task AsyncUnaryCall_IdempotentMethodUnavailableThenOk_RetriesAfterBackoff()
    {
        var interceptor = Create(o => o.Retry.Methods = ["/test.Echo/*"]);
        var downstream = new ScriptedDownstream(StatusCode.Unavailable);

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        await clock.TimerArmed;
        Assert.Equal(1, downstream.Attempts);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal("hi#2", await call);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task AsyncUnaryCall_MethodNotListed_IsNotRetried()
    {
        var interceptor = Create(o => o.Retry.Methods = ["/test.Echo/Other"]);
        var downstream = new ScriptedDownstream(StatusCode.Unavailable);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_MethodMatchesAPrefix_IsRetried()
    {
        var interceptor = Create(o => o.Retry.Methods = ["test.Echo/Un*"]);
        var downstream = new ScriptedDownstream(StatusCode.Unavailable);

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        await clock.TimerArmed;
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal("hi#2", await call);
    }

    [Fact]
    public async Task AsyncUnaryCall_CodeNotConfigured_IsNotRetried()
    {
        var interceptor = Create(o => o.Retry.Methods = ["*"]);
        var downstream = new ScriptedDownstream(StatusCode.Internal);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(1, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_PerMethodDisabled_OverridesTheMethodList()
    {
        var interceptor = Create(o =>
        {
            o.Retry.Methods = ["*"];
            o.Retry.PerMethod["/test.Echo/Unary"] = new() { Enable = false };
        });
        var downstream = new ScriptedDownstream(StatusCode.Unavailable);

        await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));

        Assert.Equal(1, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_AllAttemptsFail_StopsAtMaxAttemptsWithTheLastError()
    {
        var interceptor = Create(o =>
        {
            o.Retry.PerMethod["test.Echo/Unary"] = new() { MaxAttempts = 2 };
            o.EnableBreaker = false;
        });
        var downstream = new ScriptedDownstream(StatusCode.Unavailable, StatusCode.Unavailable, StatusCode.Unavailable);

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        await clock.TimerArmed;
        clock.Advance(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(2, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_BackoffWouldPassTheDeadline_FailsWithoutWaiting()
    {
        var interceptor = Create(o => o.Retry.Methods = ["*"]);
        var downstream = new ScriptedDownstream(StatusCode.Unavailable);
        var deadline = clock.GetUtcNow().UtcDateTime.AddMilliseconds(50);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(deadline: deadline), downstream.Call));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_RetryBudgetExhausted_StopsRetrying()
    {
        var interceptor = Create(o =>
        {
            o.Retry.Methods = ["*"];
            o.Retry.Budget.MaxTokens = 2;
            o.EnableBreaker = false;
        });

        // The first failure takes the budget to 1 token of 2: not above half, so no retry.
        var downstream = new ScriptedDownstream(StatusCode.Unavailable);
        await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));

        Assert.Equal(1, downstream.Attempts);
        Assert.Equal(1, interceptor.Resilience.Budget.Tokens);
    }

    [Fact]
    public async Task AsyncUnaryCall_BreakerOpen_FailsFastWithUnavailableNamingTargetAndMethod()
    {
        var interceptor = Create(o => o.Breaker.Protection = 0);
        var downstream = new ScriptedDownstream(Enumerable.Repeat(StatusCode.Unavailable, 50).ToArray());
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));
        }

        var attempts = downstream.Attempts;
        var error = await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));

        Assert.True(attempts < 20, $"{attempts} of 20 calls were sent");
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("circuit open for grpc.user/test.Echo/Unary", error.Status.Detail);
        Assert.Equal("breaker_open", error.Trailers.GetValue("ego-rejected"));
    }

    [Fact]
    public async Task AsyncUnaryCall_BreakerOpenForOneMethod_OtherMethodsStillGoThrough()
    {
        var interceptor = Create(o => o.Breaker.Protection = 0);
        var failing = new ScriptedDownstream(Enumerable.Repeat(StatusCode.Unavailable, 50).ToArray());
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), failing.Call));
        }

        Assert.Equal("hi#1", await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(EchoMethods.Other), new ScriptedDownstream().Call));
    }

    [Fact]
    public async Task AsyncUnaryCall_RateLimitReached_FailsFastWithResourceExhaustedNamingTheClient()
    {
        var interceptor = Create(o => o.RateLimit = new() { Rps = 1, Burst = 1 });
        var downstream = new ScriptedDownstream();
        await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("grpc.user", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_RateLimitSwitchedOff_LetsCallsThrough()
    {
        var interceptor = Create(o =>
        {
            o.RateLimit = new() { Rps = 1, Burst = 1 };
            o.EnableRateLimit = false;
        });
        var downstream = new ScriptedDownstream();

        for (var i = 0; i < 3; i++)
        {
            await interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        }

        Assert.Equal(3, downstream.Attempts);
    }
}
