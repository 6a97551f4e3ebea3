using BenchmarkDotNet.Attributes;
using Ego.Grpc;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.Server;
using Microsoft.AspNetCore.Http;

namespace Ego.Benchmarks.Resilience;

/// <summary>
/// What the gRPC server's governance adds to one unary call that it admits, without the transport: the handler is
/// asynchronous (it returns a pending task that the benchmark then completes, as a handler that awaits I/O does), and
/// the baseline calls the same handler without the interceptor. Shedding runs on a CPU figure pinned at 0 so it never
/// drops; rate limiting is off (no rules file).
/// </summary>
[MemoryDiagnoser]
public class ServerGovernanceBenchmarks
{
    private readonly BenchCallContext context = new();
    private TaskCompletionSource<string>? pending;
    private UnaryServerMethod<string, string> handler = null!;
    private GrpcServerResilienceInterceptor isolationOnly = null!;
    private GrpcServerResilienceInterceptor sheddingOnly = null!;
    private AdaptiveShedder shedder = null!;
    private AdaptiveShedder hotShedder = null!;
    private GrpcServerResilienceInterceptor withTimeout = null!;

    [GlobalSetup]
    public void Setup()
    {
        handler = (_, _) => (pending = new TaskCompletionSource<string>()).Task;
        isolationOnly = GrpcServerResilienceInterceptor.Create("bench", new ServerResilienceOptions { EnableRateLimit = false, EnableShedding = false }, new FixedCpu(0), watchRules: false);
        shedder = new AdaptiveShedder(new FixedCpu(0));
        hotShedder = new AdaptiveShedder(new FixedCpu(950));
        sheddingOnly = GrpcServerResilienceInterceptor.Create("bench", new ServerResilienceOptions { EnableRateLimit = false }, new FixedCpu(0), watchRules: false);
        withTimeout = GrpcServerResilienceInterceptor.Create("bench", new ServerResilienceOptions { EnableRateLimit = false, Timeout = TimeSpan.FromSeconds(30) }, new FixedCpu(0), watchRules: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        isolationOnly.Dispose();
        sheddingOnly.Dispose();
        withTimeout.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<string> NoInterceptor() => Complete(handler("x", context));

    [Benchmark]
    public bool ShedderAlone() => EnterAndExit(shedder);

    // Over the CPU threshold every arrival also computes the flight limit from the window's finished buckets.
    [Benchmark]
    public bool ShedderAloneOverCpuThreshold() => EnterAndExit(hotShedder);

    [Benchmark]
    public Task<string> IsolationOnly() => Complete(isolationOnly.UnaryServerHandler("x", context, handler));

    [Benchmark]
    public Task<string> SheddingAndIsolation() => Complete(sheddingOnly.UnaryServerHandler("x", context, handler));

    [Benchmark]
    public Task<string> SheddingIsolationAndTimeout() => Complete(withTimeout.UnaryServerHandler("x", context, handler));

    private static bool EnterAndExit(AdaptiveShedder target)
    {
        var admitted = target.TryEnter(out var start);
        target.Exit(start, passed: true);
        return admitted;
    }

    private Task<string> Complete(Task<string> call)
    {
        pending!.SetResult("x");
        return call;
    }

    private sealed class FixedCpu(int usage) : ICpuUsageSource
    {
        public int Usage => usage;
    }

    private sealed class BenchCallContext : ServerCallContext
    {
        private readonly Metadata headers = [];
        private readonly Metadata trailers = [];
        private readonly Dictionary<object, object> state = [];

        public override string Method => "/bench.Spin/Work";

        public override string Host => "127.0.0.1:9002";

        public override string Peer => "ipv4:127.0.0.1:50000";

        public override DateTime Deadline => DateTime.MaxValue;

        public override Metadata RequestHeaders => headers;

        public override Metadata ResponseTrailers => trailers;

        public override CancellationToken CancellationToken => CancellationToken.None;

        public override Status Status { get; set; }

        public override WriteOptions? WriteOptions { get; set; }

        public override IDictionary<object, object> UserState => state;

        public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;

        public override HttpContext? GetHttpContext() => null;
    }
}
