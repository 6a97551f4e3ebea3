using Google.Protobuf;
using Grpc.Testing;

namespace Ego.Grpc.Interop;

/// <summary>The interop test cases, one method each, as doc/interop-test-descriptions.md defines them.</summary>
internal sealed class InteropCases(CallInvoker invoker)
{
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
    private static readonly int[] RequestSizes = [27182, 8, 1828, 45904];
    private static readonly int[] ResponseSizes = [31415, 9, 2653, 58979];

    private readonly TestService.TestServiceClient client = new(invoker);

    public static IReadOnlyList<string> Names { get; } =
    [
        "empty_unary", "large_unary", "client_compressed_unary", "server_compressed_unary", "client_streaming",
        "client_compressed_streaming", "server_streaming", "server_compressed_streaming", "ping_pong", "empty_stream",
        "custom_metadata", "status_code_and_message", "special_status_message", "unimplemented_method",
        "unimplemented_service", "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server",
    ];

    public Task RunAsync(string name) => name switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "client_compressed_streaming" => ClientCompressedStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "server_compressed_streaming" => ServerCompressedStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "custom_metadata" => CustomMetadataAsync(),
        "status_code_and_message" => StatusCodeAndMessageAsync("test status message"),
        "special_status_message" => StatusCodeAndMessageAsync(SpecialMessage),
        "unimplemented_method" => UnimplementedMethodAsync(),
        "unimplemented_service" => UnimplementedServiceAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        _ => throw new ArgumentException($"unknown test case '{name}'; known: {string.Join(", ", Names)}"),
    };

    private async Task EmptyUnaryAsync()
    {
        var response = await client.EmptyCallAsync(new Empty());
        Check.NotNull(response, "EmptyCall response");
    }

    private async Task LargeUnaryAsync()
    {
        var response = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) });
        Check.Equal(314159, response.Payload.Body.Length, "response payload size");
    }

    private async Task ClientCompressedUnaryAsync()
    {
        var probe = new SimpleRequest { ExpectCompressed = new BoolValue { Value = true }, ResponseSize = 314159, Payload = Payload(271828) };
        await Check.FailsWithAsync(StatusCode.InvalidArgument, () => client.UnaryCallAsync(probe).ResponseAsync, "feature probe (uncompressed request with expect_compressed=true)");

        var compressed = await client.UnaryCallAsync(probe, Gzip());
        Check.Equal(314159, compressed.Payload.Body.Length, "response payload size of the compressed request");

        var plain = await client.UnaryCallAsync(new SimpleRequest { ExpectCompressed = new BoolValue { Value = false }, ResponseSize = 314159, Payload = Payload(271828) });
        Check.Equal(314159, plain.Payload.Body.Length, "response payload size of the uncompressed request");
    }

    private async Task ServerCompressedUnaryAsync()
    {
        foreach (var compressed in new[] { true, false })
        {
            var call = client.UnaryCallAsync(new SimpleRequest { ResponseCompressed = new BoolValue { Value = compressed }, ResponseSize = 314159, Payload = Payload(271828) });
            var response = await call;
            Check.Equal(314159, response.Payload.Body.Length, $"response payload size (response_compressed={compressed})");
        }
    }

    private async Task ClientStreamingAsync()
    {
        using var call = client.StreamingInputCall();
        foreach (var size in RequestSizes)
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(size) });
        }

        await call.RequestStream.CompleteAsync();
        Check.Equal(74922, (await call.ResponseAsync).AggregatedPayloadSize, "aggregated payload size");
    }

    private async Task ClientCompressedStreamingAsync()
    {
        using (var probe = client.StreamingInputCall())
        {
            await probe.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Payload(27182) });
            await probe.RequestStream.CompleteAsync();
            await Check.FailsWithAsync(StatusCode.InvalidArgument, () => probe.ResponseAsync, "feature probe (uncompressed message with expect_compressed=true)");
        }

        using var call = client.StreamingInputCall(Gzip());
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Payload(27182) });
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = false }, Payload = Payload(45904) });
        await call.RequestStream.CompleteAsync();
        Check.Equal(73086, (await call.ResponseAsync).AggregatedPayloadSize, "aggregated payload size");
    }

    private async Task ServerStreamingAsync()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(ResponseSizes.Select(size => new ResponseParameters { Size = size }));
        using var call = client.StreamingOutputCall(request);
        var sizes = await ReadSizesAsync(call.ResponseStream);
        Check.Equal(string.Join(",", ResponseSizes), string.Join(",", sizes), "response sizes");
    }

    private async Task ServerCompressedStreamingAsync()
    {
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters =
            {
                new ResponseParameters { Compressed = new BoolValue { Value = true }, Size = 31415 },
                new ResponseParameters { Compressed = new BoolValue { Value = false }, Size = 92653 },
            },
        };
        using var call = client.StreamingOutputCall(request);
        var sizes = await ReadSizesAsync(call.ResponseStream);
        Check.Equal("31415,92653", string.Join(",", sizes), "response sizes");
    }

    private async Task PingPongAsync()
    {
        using var call = client.FullDuplexCall();
        for (var i = 0; i < RequestSizes.Length; i++)
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = ResponseSizes[i] } }, Payload = Payload(RequestSizes[i]) });
            Check.True(await call.ResponseStream.MoveNext(CancellationToken.None), $"response {i + 1} arrives");
            Check.Equal(ResponseSizes[i], call.ResponseStream.Current.Payload.Body.Length, $"response {i + 1} size");
        }

        await call.RequestStream.CompleteAsync();
        Check.True(!await call.ResponseStream.MoveNext(CancellationToken.None), "the stream ends after the last response");
    }

    private async Task EmptyStreamAsync()
    {
        using var call = client.FullDuplexCall();
        await call.RequestStream.CompleteAsync();
        Check.Equal(0, (await ReadSizesAsync(call.ResponseStream)).Count, "number of responses");
    }

    private async Task CustomMetadataAsync()
    {
        const string initialKey = "x-grpc-test-echo-initial";
        const string trailingKey = "x-grpc-test-echo-trailing-bin";
        var trailingValue = new byte[] { 0xab, 0xab, 0xab };
        var headers = new Metadata { { initialKey, "test_initial_metadata_value" }, { trailingKey, trailingValue } };

        var unary = client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) }, headers);
        await unary;
        Check.Equal("test_initial_metadata_value", (await unary.ResponseHeadersAsync).GetValue(initialKey), "unary initial metadata");
        Check.Equal(Convert.ToHexString(trailingValue), Convert.ToHexString(unary.GetTrailers().GetValueBytes(trailingKey) ?? []), "unary trailing metadata");

        using var duplex = client.FullDuplexCall(headers);
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 314159 } }, Payload = Payload(271828) });
        await duplex.RequestStream.CompleteAsync();
        await ReadSizesAsync(duplex.ResponseStream);
        Check.Equal("test_initial_metadata_value", (await duplex.ResponseHeadersAsync).GetValue(initialKey), "streaming initial metadata");
        Check.Equal(Convert.ToHexString(trailingValue), Convert.ToHexString(duplex.GetTrailers().GetValueBytes(trailingKey) ?? []), "streaming trailing metadata");
    }

    private async Task StatusCodeAndMessageAsync(string message)
    {
        var status = new EchoStatus { Code = 2, Message = message };
        var unary = await Check.FailsWithAsync(StatusCode.Unknown, () => client.UnaryCallAsync(new SimpleRequest { ResponseStatus = status }).ResponseAsync, "unary call with response_status");
        Check.Equal(message, unary.Status.Detail, "unary status message");

        using var duplex = client.FullDuplexCall();
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
        await duplex.RequestStream.CompleteAsync();
        var streaming = await Check.FailsWithAsync(StatusCode.Unknown, () => ReadSizesAsync(duplex.ResponseStream), "streaming call with response_status");
        Check.Equal(message, streaming.Status.Detail, "streaming status message");
    }

    private Task UnimplementedMethodAsync()
        => Check.FailsWithAsync(StatusCode.Unimplemented, () => client.UnimplementedCallAsync(new Empty()).ResponseAsync, "TestService/UnimplementedCall");

    private Task UnimplementedServiceAsync()
    {
        var unimplemented = new UnimplementedService.UnimplementedServiceClient(invoker);
        return Check.FailsWithAsync(StatusCode.Unimplemented, () => unimplemented.UnimplementedCallAsync(new Empty()).ResponseAsync, "UnimplementedService/UnimplementedCall");
    }

    private async Task CancelAfterBeginAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.StreamingInputCall(cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();
        await Check.FailsWithAsync(StatusCode.Cancelled, () => call.ResponseAsync, "StreamingInputCall cancelled after begin");
    }

    private async Task CancelAfterFirstResponseAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.FullDuplexCall(cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 31415 } }, Payload = Payload(27182) });
        Check.True(await call.ResponseStream.MoveNext(CancellationToken.None), "a first response arrives");
        Check.Equal(31415, call.ResponseStream.Current.Payload.Body.Length, "first response size");
        await cancellation.CancelAsync();
        await Check.FailsWithAsync(StatusCode.Cancelled, () => call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall cancelled after the first response");
    }

    private async Task TimeoutOnSleepingServerAsync()
    {
        using var call = client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payload(27182) });
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.DeadlineExceeded)
        {
            // The deadline may pass before the write: the spec allows it.
        }

        await Check.FailsWithAsync(StatusCode.DeadlineExceeded, () => call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall with a 1ms deadline");
    }

    private static async Task<List<int>> ReadSizesAsync(IAsyncStreamReader<StreamingOutputCallResponse> stream)
    {
        var sizes = new List<int>();
        while (await stream.MoveNext(CancellationToken.None))
        {
            sizes.Add(stream.Current.Payload.Body.Length);
        }

        return sizes;
    }

    private static Metadata Gzip() => new() { { "grpc-internal-encoding-request", "gzip" } };

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
