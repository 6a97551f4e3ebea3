using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using Ego.Grpc;
using Ego.Grpc.Bench;
using Ego.Grpc.Bench.Kestrel;
using Ego.Grpc.Bench.V1;
using Google.Protobuf;

namespace Ego.Benchmarks.Grpc;

/// <summary>
/// One server-streaming Echo call of 100 messages of 1 KiB at a time, client and server in this process; divide by
/// 100 for the cost per streamed message. The raw invoker against the bare Kestrel endpoint is the floor.
/// </summary>
[MemoryDiagnoser]
public class StreamCallBenchmarks
{
    private const int Count = 100;
    private const int Size = 1024;

    private GrpcServer? _server;
    private BareGrpcEndpoint? _kestrel;
    private GrpcChannel? _egoChannel;
    private Echo.EchoClient? _egoClient;
    private RawGrpcInvoker? _rawToEgo;
    private RawGrpcInvoker? _rawToKestrel;
    private readonly StreamRequest _request = new() { Count = Count, Size = Size };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = GrpcServer.CreateBuilder(RawServerOptions.Create()).AddService(new EchoService()).Build();
        await _server.StartAsync(CancellationToken.None);
        _kestrel = await BareGrpcEndpoint.StartAsync(new IPEndPoint(IPAddress.Loopback, 0));
        var egoAddress = "127.0.0.1:" + _server.Addresses[0][(_server.Addresses[0].LastIndexOf(':') + 1)..];

        var frame = new byte[5 + _request.CalculateSize()];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(frame.Length - 5));
        _request.WriteTo(frame.AsSpan(5));
        _egoChannel = GrpcChannel.ForAddress(egoAddress);
        _egoClient = new Echo.EchoClient(_egoChannel);
        _rawToEgo = new RawGrpcInvoker(new Uri($"http://{egoAddress}/ego.bench.v1.Echo/Stream"), frame, 16 * 1024);
        _rawToKestrel = new RawGrpcInvoker(new Uri($"http://127.0.0.1:{_kestrel.Port}/ego.bench.v1.Echo/Stream"), frame, 16 * 1024);

        // Both servers must send the same body before anything is timed.
        var expected = Count * (5 + new Payload { Body = ByteString.CopyFrom(new byte[Size]) }.CalculateSize());
        foreach (var length in new[] { await _rawToKestrel.CallAsync(), await _rawToEgo.CallAsync() })
        {
            if (length != expected)
            {
                throw new InvalidOperationException($"Benchmark setup failed: a stream returned {length} bytes, expected {expected}.");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _rawToEgo?.Dispose();
        _rawToKestrel?.Dispose();
        _egoChannel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
        }
    }

    /// <summary>The floor: raw HttpMessageInvoker draining the bare Kestrel endpoint's stream.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> RawClient_BareKestrel() => _rawToKestrel!.CallAsync();

    /// <summary>Ego.Grpc server, raw client: the server's cost over the floor.</summary>
    [Benchmark]
    public Task<int> RawClient_EgoServer() => _rawToEgo!.CallAsync();

    /// <summary>Ego.Grpc on both ends, parsing every message.</summary>
    [Benchmark]
    public async Task<int> EgoClient_EgoServer()
    {
        using var call = _egoClient!.Stream(_request);
        var received = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            received++;
        }

        return received;
    }
}
