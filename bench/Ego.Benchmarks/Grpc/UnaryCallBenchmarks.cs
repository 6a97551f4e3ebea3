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
/// One unary Echo call at a time over a real loopback HTTP/2 connection, client and server in this process, so the
/// allocation column counts both sides. Swapping one side at a time isolates the other: the raw invoker against the
/// bare Kestrel endpoint is the floor; the raw invoker against Ego.Grpc adds the server's cost, the Ego.Grpc client
/// against the bare endpoint adds the client's, and Ego.Grpc on both ends is the full call.
/// </summary>
[MemoryDiagnoser]
public class UnaryCallBenchmarks
{
    private GrpcServer? _server;
    private BareGrpcEndpoint? _kestrel;
    private GrpcChannel? _egoChannel;
    private GrpcChannel? _kestrelChannel;
    private Echo.EchoClient? _egoClient;
    private Echo.EchoClient? _kestrelClient;
    private RawGrpcInvoker? _rawToEgo;
    private RawGrpcInvoker? _rawToKestrel;
    private Payload _payload = new();

    /// <summary>Bytes in the Payload body: small and 1 KiB.</summary>
    [Params(16, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = GrpcServer.CreateBuilder(RawServerOptions.Create()).AddService(new EchoService()).Build();
        await _server.StartAsync(CancellationToken.None);
        _kestrel = await BareGrpcEndpoint.StartAsync(new IPEndPoint(IPAddress.Loopback, 0));
        var egoAddress = "127.0.0.1:" + _server.Addresses[0][(_server.Addresses[0].LastIndexOf(':') + 1)..];
        var kestrelAddress = "127.0.0.1:" + _kestrel.Port;

        _payload = new Payload { Body = ByteString.CopyFrom(new byte[Size]) };
        var frame = Frame(_payload);
        _egoChannel = GrpcChannel.ForAddress(egoAddress);
        _kestrelChannel = GrpcChannel.ForAddress(kestrelAddress);
        _egoClient = new Echo.EchoClient(_egoChannel);
        _kestrelClient = new Echo.EchoClient(_kestrelChannel);
        _rawToEgo = new RawGrpcInvoker(new Uri($"http://{egoAddress}/ego.bench.v1.Echo/Unary"), frame, frame.Length);
        _rawToKestrel = new RawGrpcInvoker(new Uri($"http://{kestrelAddress}/ego.bench.v1.Echo/Unary"), frame, frame.Length);

        // Every pairing must return the echoed message before it is timed.
        foreach (var length in new[] { await _rawToKestrel.CallAsync(), await _rawToEgo.CallAsync() })
        {
            Check(length == frame.Length, $"raw call returned a {length}-byte body");
        }

        foreach (var client in new[] { _egoClient, _kestrelClient })
        {
            var reply = await client.UnaryAsync(_payload);
            Check(reply.Body.Length == Size, $"Ego.Grpc client received a {reply.Body.Length}-byte body");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _rawToEgo?.Dispose();
        _rawToKestrel?.Dispose();
        _egoChannel?.Dispose();
        _kestrelChannel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
        }
    }

    /// <summary>The floor: raw HttpMessageInvoker to the bare Kestrel endpoint.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> RawClient_BareKestrel() => _rawToKestrel!.CallAsync();

    /// <summary>Ego.Grpc server, raw client: the server's cost over the floor.</summary>
    [Benchmark]
    public Task<int> RawClient_EgoServer() => _rawToEgo!.CallAsync();

    /// <summary>Ego.Grpc client, bare endpoint: the client's cost over the floor.</summary>
    [Benchmark]
    public async Task<int> EgoClient_BareKestrel() => (await _kestrelClient!.UnaryAsync(_payload)).Body.Length;

    /// <summary>Ego.Grpc on both ends.</summary>
    [Benchmark]
    public async Task<int> EgoClient_EgoServer() => (await _egoClient!.UnaryAsync(_payload)).Body.Length;

    private static byte[] Frame(IMessage message)
    {
        var frame = new byte[5 + message.CalculateSize()];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(frame.Length - 5));
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup failed: {message}.");
        }
    }
}
