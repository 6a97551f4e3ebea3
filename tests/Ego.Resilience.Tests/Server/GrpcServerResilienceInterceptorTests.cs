using Ego.Grpc;
using Ego.Resilience.Server;
using Ego.Resilience.Server.Internal;
using Ego.Resilience.Tests.Support;
using Ego.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Tests.Server;

public sealed class GrpcServerResilienceInterceptorTests
{
    private const string GetMethod = "/test.Governed/Get";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UnaryCall_OverRateLimit_ResourceExhaustedWithRetryInfoAndLimitedEvent()
    {
        using var rules = new TempFile("ratelimit.toml", $"[rules.\"{GetMethod}\"]\ntype = \"tokenBucket\"\npermits = 1\nperiod = \"10s\"\n");
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder(ServerResilienceMetrics.MeterName);
        var name = Unique();
        await using (var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(name, new() { RateLimitRules = rules.Path, EnableShedding = false })))
        {
            Assert.Equal("got a", await grpc.CallAsync("a"));
            var error = await Assert.ThrowsAsync<RpcException>(() => grpc.CallAsync("b"));

            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Contains($"rate limit of {GetMethod} exceeded (tokenBucket permits=1", error.Status.Detail);
            var retryAfter = GrpcRejections.RetryAfter(error.Trailers);
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        }

        var line = Assert.Single(capture.AccessLines(), l => l.GetProperty("code").GetInt32() == (int)StatusCode.ResourceExhausted);
        Assert.Equal("limited", line.GetProperty("event").GetString());
        Assert.Equal(GetMethod, line.GetProperty("method").GetString());
        var counted = Assert.Single(metrics.Where("ego_resilience_server_rejected_total", "name", name));
        Assert.Equal(("grpc", GetMethod, "rate_limit"), (counted["type"], counted["method"], counted["reason"]));
    }

    [Fact]
    public async Task UnaryCall_RulesFileEdited_NewLimitAppliesWithoutRestart()
    {
        using var rules = new TempFile("ratelimit.toml", $"[rules.\"{GetMethod}\"]\ntype = \"concurrency\"\npermits = 5\n");
        using var capture = new AccessLogCapture();
        await using var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(Unique(), new() { RateLimitRules = rules.Path, EnableShedding = false }));
        await grpc.CallAsync();
        await grpc.CallAsync();

        rules.Write("[default]\ntype = \"slidingWindow\"\npermits = 1\nperiod = \"1m\"\n");
        Assert.True(grpc.Interceptor.Rules!.Reload());

        await grpc.CallAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.CallAsync());
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("rate limit of default exceeded", error.Status.Detail);
    }

    [Fact]
    public async Task ServerStreamingCall_OverDefaultRule_IsLimitedToo()
    {
        using var rules = new TempFile("ratelimit.json", """{ "default": { "type": "tokenBucket", "permits": 1, "period": "1m" } }""");
        using var capture = new AccessLogCapture();
        await using var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(Unique(), new() { RateLimitRules = rules.Path, EnableShedding = false }));

        Assert.Equal(["w"], await grpc.WatchAsync("w"));
        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.WatchAsync("w"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_CpuOverThresholdAndTooManyInFlight_UnavailableWithShedEvent()
    {
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder(ServerResilienceMetrics.MeterName);
        var cpu = new ScriptedCpu();
        var name = Unique();
        await using (var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(name, new(), cpu)))
        {
            Assert.Equal("got x", await grpc.CallAsync());
            var shedder = grpc.Interceptor.Shedder!;
            for (var i = 0; i < 40; i++)
            {
                Assert.True(shedder.TryEnter(out _));
            }

            for (var i = 0; i < 40; i++)
            {
                Assert.True(shedder.TryEnter(out var start));
                shedder.Exit(start, passed: false);
            }

            cpu.Usage = 990;
            var error = await Assert.ThrowsAsync<RpcException>(() => grpc.CallAsync());

            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), GrpcRejections.RetryAfter(error.Trailers));
            Assert.True(grpc.Interceptor.Stats.Snapshot()["shedding"]!["hot"]!.GetValue<bool>());
        }

        var line = Assert.Single(capture.AccessLines(), l => l.GetProperty("code").GetInt32() == (int)StatusCode.Unavailable);
        Assert.Equal("shed", line.GetProperty("event").GetString());
        var counted = Assert.Single(metrics.Where("ego_resilience_server_rejected_total", "name", name));
        Assert.Equal("shed", counted["reason"]);
    }

    [Fact]
    public async Task UnaryCall_MethodTimeoutHit_DeadlineExceededAndLogNamesTheKey()
    {
        using var capture = new AccessLogCapture();
        var log = new ListLogger();
        var options = new ServerResilienceOptions { EnableShedding = false, Timeout = TimeSpan.FromMinutes(1), MethodTimeouts = { [GetMethod] = TimeSpan.FromMilliseconds(200) } };
        var interceptor = GrpcServerResilienceInterceptor.Create("server.grpc", options, new ScriptedCpu(), loggerFactory: log.Factory, watchRules: false);
        await using (var grpc = await GovernedGrpc.StartAsync(capture, interceptor, async (_, context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            return "never";
        }))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => grpc.CallAsync());

            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
            Assert.Equal($"deadline 200ms from server.grpc.methodTimeouts.{GetMethod} exceeded", error.Status.Detail);
        }

        var warning = Assert.Single(log.Lines, l => l.Level == LogLevel.Warning);
        Assert.Equal($"server.grpc {GetMethod}: deadline 200ms from server.grpc.methodTimeouts.{GetMethod} exceeded", warning.Text);
        var line = Assert.Single(capture.AccessLines(), l => l.GetProperty("code").GetInt32() == (int)StatusCode.DeadlineExceeded);
        Assert.Contains("server.grpc.methodTimeouts./test.Governed/Get", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnaryCall_CallerCancelsUnderAServerTimeout_HandlerSeesItAndNoTimeoutIsReported()
    {
        using var capture = new AccessLogCapture();
        var log = new ListLogger();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new ServerResilienceOptions { EnableShedding = false, Timeout = TimeSpan.FromMinutes(1) };
        var interceptor = GrpcServerResilienceInterceptor.Create(Unique(), options, new ScriptedCpu(), loggerFactory: log.Factory, watchRules: false);
        await using (var grpc = await GovernedGrpc.StartAsync(capture, interceptor, async (_, context) =>
        {
            using var seen = context.CancellationToken.Register(() => cancelled.TrySetResult());
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            return "never";
        }))
        {
            using var caller = new CancellationTokenSource();
            var call = grpc.CallAsync(options: new CallOptions(cancellationToken: caller.Token));
            await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await caller.CancelAsync();

            var error = await Assert.ThrowsAsync<RpcException>(() => call);
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
            await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.DoesNotContain(log.Lines, l => l.Text.Contains("deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnaryCall_CallerDeadlineSooner_HandlerKeepsTheCallers()
    {
        using var capture = new AccessLogCapture();
        DateTime? seen = null;
        var options = new ServerResilienceOptions { EnableShedding = false, Timeout = TimeSpan.FromMinutes(10) };
        await using var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(Unique(), options), (request, context) =>
        {
            seen = context.Deadline;
            return Task.FromResult(request);
        });
        var callerDeadline = DateTime.UtcNow.AddSeconds(30);

        await grpc.CallAsync(options: new CallOptions(deadline: callerDeadline));

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, callerDeadline.AddSeconds(-5), callerDeadline.AddSeconds(1));
    }

    [Fact]
    public async Task UnaryCall_ServerTimeoutSooner_HandlerSeesTheConfiguredDeadline()
    {
        using var capture = new AccessLogCapture();
        DateTime? seen = null;
        var options = new ServerResilienceOptions { EnableShedding = false, Timeout = TimeSpan.FromSeconds(20) };
        await using var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(Unique(), options), (request, context) =>
        {
            seen = context.Deadline;
            return Task.FromResult(request);
        });
        var before = DateTime.UtcNow;

        await grpc.CallAsync(options: new CallOptions(deadline: before.AddMinutes(5)));

        Assert.InRange(seen!.Value, before.AddSeconds(15), before.AddSeconds(21));
    }

    [Fact]
    public async Task UnaryCall_HandlerThrows_CountedAndTheServerKeepsServing()
    {
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder(ServerResilienceMetrics.MeterName);
        var name = Unique();
        var calls = 0;
        await using (var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(name, new() { EnableShedding = false }), (request, _) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("handler bug") : Task.FromResult("ok")))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => grpc.CallAsync());
            Assert.Equal(StatusCode.Internal, error.StatusCode);
            Assert.Equal("ok", await grpc.CallAsync());
        }

        var counted = Assert.Single(metrics.Where("ego_resilience_panics_total", "name", name));
        Assert.Equal(("grpc", GetMethod), (counted["type"], counted["method"]));
        var line = Assert.Single(capture.AccessLines(), l => l.GetProperty("event").GetString() == "panic");
        Assert.Equal("handler bug", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnaryCall_OverMaxConcurrentCalls_ResourceExhausted()
    {
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder(ServerResilienceMetrics.MeterName);
        var name = Unique();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var grpc = await GovernedGrpc.StartAsync(capture, Interceptor(name, new() { EnableShedding = false, MaxConcurrentCalls = 1 }), async (request, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return request;
        });
        var first = grpc.CallAsync("first");
        await entered.Task.WaitAsync(Wait);

        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.CallAsync("second"));
        release.SetResult();

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("1 calls in flight (maxConcurrentCalls)", error.Status.Detail);
        Assert.Equal("first", await first.WaitAsync(Wait));
        Assert.Equal("max_concurrent", Assert.Single(metrics.Where("ego_resilience_server_rejected_total", "name", name))["reason"]);
    }

    [Fact]
    public void Create_InvalidOptions_NamesEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcServerResilienceInterceptor.Create("server.grpc", new() { SheddingCpuThreshold = 0, MaxConcurrentCalls = -2 }));

        Assert.Contains("sheddingCpuThreshold", error.Message);
        Assert.Contains("maxConcurrentCalls", error.Message);
    }

    private static GrpcServerResilienceInterceptor Interceptor(string name, ServerResilienceOptions options, ScriptedCpu? cpu = null) =>
        GrpcServerResilienceInterceptor.Create(name, options, cpu ?? new ScriptedCpu(), watchRules: false);

    private static string Unique() => "server.grpc." + Guid.NewGuid().ToString("N")[..8];
}
