using System.Collections.Concurrent;
using System.Diagnostics;
using Ego.Grpc.Bench.V1;
using Google.Protobuf;

namespace Ego.Grpc.Bench;

/// <summary>
/// The benchmark service: Unary returns its request (after <paramref name="handlerWork"/> of busy CPU, standing in for
/// what a real handler computes; calibrated once at start), Stream sends <c>count</c> payloads of <c>size</c> zero bytes.
/// </summary>
public sealed class EchoService(TimeSpan handlerWork) : Echo.EchoBase
{
    public EchoService()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Largest payload Stream sends, so a request cannot make the server allocate without bound.</summary>
    public const int MaxStreamSize = 4 * 1024 * 1024;

    // Bodies are cached per size so the stream measures the transport, not buffer allocation.
    private readonly ConcurrentDictionary<int, Payload> _payloads = new();

    // A fixed amount of computation rather than a wall-clock wait: handlers sharing a core must each pay for their work.
    private readonly long _workIterations = handlerWork > TimeSpan.Zero ? (long)(handlerWork.TotalSeconds * IterationsPerSecond.Value) : 0;

    private static readonly Lazy<double> IterationsPerSecond = new(Calibrate);

    // Where the computation's result goes, so the JIT cannot drop it.
    private static ulong _workResult;

    public override Task<Payload> Unary(Payload request, ServerCallContext context)
    {
        if (_workIterations > 0)
        {
            Volatile.Write(ref _workResult, Compute(_workIterations));
        }

        return Task.FromResult(request);
    }

    public override async Task Stream(StreamRequest request, IServerStreamWriter<Payload> responseStream, ServerCallContext context)
    {
        if (request.Count < 0 || request.Size is < 0 or > MaxStreamSize)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"count {request.Count} and size {request.Size} are invalid: expected count >= 0 and size 0-{MaxStreamSize}"));
        }

        var payload = _payloads.GetOrAdd(request.Size, static size => new Payload { Body = ByteString.CopyFrom(new byte[size]) });
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(payload, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static ulong Compute(long iterations)
    {
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0L; i < iterations; i++)
        {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            x ^= x >> 29;
        }

        return x;
    }

    private static double Calibrate()
    {
        Compute(1_000_000);
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Compute(2_000_000);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return 2_000_000 / best;
    }
}
