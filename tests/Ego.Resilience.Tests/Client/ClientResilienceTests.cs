using Ego.Grpc;
using Ego.Resilience.Client;
using Ego.Resilience.Tests.Client.Support;
using Ego.Tests.Shared;

namespace Ego.Resilience.Tests.Client;

public sealed class ClientResilienceTests
{
    private readonly FakeClock clock = new();
    private readonly LogCollector logs = new();

    [Fact]
    public async Task BreakerStateChanges_AreCountedAndLoggedWithTheirEvent()
    {
        var name = "grpc.obs-" + Guid.NewGuid().ToString("N")[..6];
        using var metrics = new MetricsRecorder(ClientResilienceMetrics.MeterName);
        var resilience = new ClientResilience(name, ClientResilience.Grpc, new ClientResilienceOptions(), logs.Factory, clock, () => 1.0, () => 0.0);
        var interceptor = new GrpcClientResilienceInterceptor(resilience);
        var failing = new ScriptedDownstream(Enumerable.Repeat(StatusCode.Unavailable, 10).ToArray());
        for (var i = 0; i < 8; i++)
        {
            await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("x", EchoMethods.Context(), failing.Call));
        }

        clock.Advance(TimeSpan.FromSeconds(11));
        await interceptor.AsyncUnaryCall("x", EchoMethods.Context(), new ScriptedDownstream().Call);

        var changes = metrics.Where("ego_resilience_client_breaker_changes_total", "name", name);
        Assert.Equal(["open", "closed"], changes.Select(c => c["state"]));
        Assert.All(changes, c => Assert.Equal(("grpc", "/test.Echo/Unary"), (c["type"], c["method"])));
        var rejected = metrics.Where("ego_resilience_client_rejected_total", "name", name);
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.Equal("breaker_open", r["reason"]));
        Assert.Equal("/test.Echo/Unary", Assert.Single(logs.Events("breaker_open"))["method"]);
        Assert.Equal(name, Assert.Single(logs.Events("breaker_close"))["compName"]);
    }

    [Fact]
    public async Task Snapshot_ShowsEachBreakerStateAndTheBudget()
    {
        var resilience = new ClientResilience("grpc.user", ClientResilience.Grpc, new ClientResilienceOptions(), null, clock, () => 1.0, () => 0.0);
        var interceptor = new GrpcClientResilienceInterceptor(resilience);
        var failing = new ScriptedDownstream(Enumerable.Repeat(StatusCode.Unavailable, 10).ToArray());
        for (var i = 0; i < 8; i++)
        {
            await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("x", EchoMethods.Context(), failing.Call));
        }

        await interceptor.AsyncUnaryCall("x", EchoMethods.Context(EchoMethods.Other), new ScriptedDownstream().Call);

        var snapshot = resilience.Snapshot();
        Assert.Equal("open", (string?)snapshot["breakers"]!["/test.Echo/Unary"]!["state"]);
        Assert.Equal("closed", (string?)snapshot["breakers"]!["/test.Echo/Other"]!["state"]);
        Assert.Equal(10.0, (double?)snapshot["retryTokens"]);
    }

    [Fact]
    public async Task RateLimitRejection_IsCountedWithItsReason()
    {
        var name = "grpc.rl-" + Guid.NewGuid().ToString("N")[..6];
        using var metrics = new MetricsRecorder(ClientResilienceMetrics.MeterName);
        var options = new ClientResilienceOptions { RateLimit = new() { Rps = 1 } };
        var interceptor = new GrpcClientResilienceInterceptor(new ClientResilience(name, ClientResilience.Grpc, options, logs.Factory, clock));
        await interceptor.AsyncUnaryCall("x", EchoMethods.Context(), new ScriptedDownstream().Call);

        await Assert.ThrowsAsync<RpcException>(async () => await interceptor.AsyncUnaryCall("x", EchoMethods.Context(), new ScriptedDownstream().Call));

        Assert.Equal("rate_limited", Assert.Single(metrics.Where("ego_resilience_client_rejected_total", "name", name))["reason"]);
        Assert.Equal("rate_limited", Assert.Single(logs.Events("rejected"))["reason"]);
    }

    [Fact]
    public void HotPath_NothingTrips_AllocatesNothing()
    {
        var options = new ClientResilienceOptions { RateLimit = new() { Rps = 1e9, Burst = 1_000_000 } };
        options.Retry.Methods = ["*"];
        var resilience = new ClientResilience("grpc.user", ClientResilience.Grpc, options, null, clock);
        Exercise(resilience, 10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(resilience, 10_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private void Exercise(ClientResilience resilience, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var policy = resilience.ForMethod(EchoMethods.Unary.FullName);
            Assert.True(resilience.TryAcquireRate(policy.Method));
            Assert.True(policy.Breaker!.TryAcquire());
            policy.Breaker.Record(failed: false);
            resilience.Budget.OnSuccess();
            if (i % 100 == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(300));
            }
        }
    }
}
