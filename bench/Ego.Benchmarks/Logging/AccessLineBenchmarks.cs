using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Ego.Logging.Internal;
using Ego.Observability;
using Ego.Observability.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Benchmarks.Logging;

/// <summary>
/// Formatting one server access line (JSON, EGO's fields, a trace id) into the sink's scratch buffer: the part of the
/// access log that runs on the call's thread. Writing to the file happens later, in batches, on the sink's task.
/// </summary>
[MemoryDiagnoser]
public class AccessLineBenchmarks
{
    private readonly JsonLineFormatter formatter = new(TimeType.Second, logName: null);
    private AccessLogger access = null!;
    private AccessRecord record;
    private Activity activity = null!;

    [GlobalSetup]
    public void Setup()
    {
        access = new AccessLogger(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new AccessLogSettings
        {
            Component = "server.grpc",
            Name = "server.grpc",
            Address = "127.0.0.1:9002",
            Enabled = true,
        });
        record = new AccessRecord
        {
            Method = "/ego.bench.v1.Echo/Unary",
            Cost = TimeSpan.FromTicks(1234),
            Code = 0,
            UniformCode = 200,
            PeerIp = "127.0.0.1",
            PeerName = "",
        };
        activity = new Activity("call").SetIdFormat(ActivityIdFormat.W3C).Start();
    }

    [GlobalCleanup]
    public void Cleanup() => activity.Dispose();

    [Benchmark]
    public int FormatServerLine()
    {
        var scratch = FormatScratch.Rent();
        try
        {
            var state = new AccessLogState(access, record, slow: false);
            formatter.Format(scratch, "Ego.Grpc.Server", null, LogLevel.Information, DateTimeOffset.UnixEpoch, ref state, null, AccessLogState.Format, null);
            return scratch.Buffer.WrittenSpan.Length;
        }
        finally
        {
            FormatScratch.Return(scratch);
        }
    }
}
