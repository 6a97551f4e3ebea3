using System.IO.Compression;
using System.Net;
using System.Text;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

/// <summary>What the server answers to hand-made HTTP/2 requests, well-formed or not.</summary>
public sealed class GrpcHttpApplicationTests
{
    private const string UnaryPath = "/test.Echo/Unary";

    [Fact]
    public async Task Request_WrongContentType_Is415WithInternalStatus()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (response, _, status, message) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, RawGrpc.Frame("x"u8.ToArray()), "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", status);
        Assert.Contains("application/json", message);
    }

    [Fact]
    public async Task Request_OverHttp11_IsRejectedAndServerKeepsServing()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();
        using var request = RawGrpc.Request(UnaryPath, RawGrpc.Frame("x"u8.ToArray()));
        request.Version = HttpVersion.Version11;

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTP/2", await response.Content.ReadAsStringAsync());
        Assert.Equal("still", await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "still"));
    }

    [Fact]
    public async Task Request_LengthPrefixBeyondBody_IsInternal()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();
        var frame = RawGrpc.Frame("abc"u8.ToArray());
        frame[4] = 50;

        var (_, _, status, message) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, frame));

        Assert.Equal("13", status);
        Assert.Contains("incomplete message", message);
    }

    [Fact]
    public async Task Request_TruncatedHeader_IsInternal()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (_, _, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, [0, 0, 0]));

        Assert.Equal("13", status);
    }

    [Fact]
    public async Task Request_EmptyBodyForUnary_IsInternal()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (_, _, status, message) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, []));

        Assert.Equal("13", status);
        Assert.Contains("without a message", message);
    }

    [Fact]
    public async Task Request_CompressedFlagWithoutEncoding_IsInternal()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (_, _, status, message) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, RawGrpc.Frame("abc"u8.ToArray(), flag: 1)));

        Assert.Equal("13", status);
        Assert.Contains("no grpc-encoding", message);
    }

    [Fact]
    public async Task Request_InvalidCompressedFlag_IsInternal()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (_, _, status, message) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, RawGrpc.Frame("abc"u8.ToArray(), flag: 7)));

        Assert.Equal("13", status);
        Assert.Contains("compressed flag is 7", message);
    }

    [Fact]
    public async Task Request_UnsupportedEncoding_IsUnimplementedListingSupportedOnes()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (response, _, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, RawGrpc.Frame("abc"u8.ToArray(), flag: 1), headers: ("grpc-encoding", "snappy")));

        Assert.Equal("12", status);
        Assert.Equal("identity,gzip,deflate", RawGrpc.Find(response, "grpc-accept-encoding"));
    }

    [Fact]
    public async Task Request_GzipMessage_IsDecompressed()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write("zipped"u8);
        }

        var (_, body, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, RawGrpc.Frame(compressed.ToArray(), flag: 1), headers: [("grpc-encoding", "gzip"), ("grpc-accept-encoding", "identity")]));

        Assert.Equal("0", status);
        Assert.Equal(RawGrpc.Frame("zipped"u8.ToArray()), body);
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("123456789S")]
    [InlineData("S")]
    [InlineData("-5m")]
    public async Task Request_MalformedTimeout_IsInternalNamingTheValue(string timeout)
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (_, _, status, message) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, RawGrpc.Frame("x"u8.ToArray()), headers: ("grpc-timeout", timeout)));

        Assert.Equal("13", status);
        Assert.Contains($"'{timeout}'", message);
    }

    [Fact]
    public async Task Request_TwoMessagesForUnary_IsInternal()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();

        var (_, _, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, [.. RawGrpc.Frame("a"u8.ToArray()), .. RawGrpc.Frame("b"u8.ToArray())]));

        Assert.Equal("13", status);
    }

    [Fact]
    public async Task Response_ServerCompressionConfigured_MessagesCompressedUnlessNoCompress()
    {
        await using var test = await TestServer.StartAsync(
            b => b.AddService(EchoService.Create(serverStreaming: async (request, responses, context) =>
            {
                await responses.WriteAsync(request);
                responses.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
                await responses.WriteAsync(request);
            })),
            settings: ("server:grpc:responseCompression", "gzip"));
        using var raw = test.CreateRawClient();
        var payload = Encoding.UTF8.GetBytes(new string('a', 200));

        var (response, body, status, _) = await RawGrpc.SendAsync(raw, RawGrpc.Request("/test.Echo/ServerStreaming", RawGrpc.Frame(payload), headers: ("grpc-accept-encoding", "gzip")));

        Assert.Equal("0", status);
        Assert.Equal("gzip", RawGrpc.Find(response, "grpc-encoding"));
        Assert.Equal(1, body[0]);
        var firstLength = (body[1] << 24) | (body[2] << 16) | (body[3] << 8) | body[4];
        Assert.True(firstLength < payload.Length);
        Assert.Equal(RawGrpc.Frame(payload), body[(5 + firstLength)..]);
    }

    [Fact]
    public async Task Fuzz_RandomBodies_EachGetsAStatusAndServerKeepsServing()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        using var raw = test.CreateRawClient();
        var random = new Random(20240521);
        var bodies = Enumerable.Range(0, 2000).Select(_ => RandomBody(random)).ToArray();

        var statuses = new List<string?>();
        foreach (var batch in bodies.Chunk(50))
        {
            var results = await Task.WhenAll(batch.Select(body => RawGrpc.SendAsync(raw, RawGrpc.Request(UnaryPath, body))));
            statuses.AddRange(results.Select(r => r.Status));
        }

        Assert.All(statuses, status => Assert.True(status is "0" or "8" or "13", $"unexpected grpc-status {status}"));
        Assert.Equal("alive", await test.Invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "alive"));
    }

    private static byte[] RandomBody(Random random)
    {
        var body = new byte[random.Next(0, 64)];
        random.NextBytes(body);
        if (body.Length >= 5 && random.Next(3) == 0)
        {
            // A plausible header makes the fuzzer reach the message parser, not only the frame checks.
            body[0] = (byte)random.Next(2);
            body[1] = body[2] = 0;
            body[3] = 0;
            body[4] = (byte)random.Next(0, body.Length);
        }

        return body;
    }
}
