using System.Collections.Concurrent;
using Ego.Bench.Shared;
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

    private readonly CpuWork _work = new(handlerWork);

    /// <summary>Iterations the Unary handler computes per call.</summary>
    public long WorkIterations => _work.Iterations;

    public override Task<Payload> Unary(Payload request, ServerCallContext context)
    {
        if (!_work.IsNone)
        {
            _work.Run();
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
}
