using Google.Protobuf;
using Grpc.Testing;

namespace Ego.Grpc.Interop;

/// <summary>grpc.testing.TestService as the interop test descriptions define it.</summary>
internal sealed class TestServiceImpl : TestService.TestServiceBase
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        return EchoMetadataAsync(context).ContinueWith(_ => new Empty(), TaskScheduler.Default);
    }

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        EnsureCompression(request.ExpectCompressed, context);
        ThrowIfEchoStatus(request.ResponseStatus);
        context.WriteOptions = Compressed(request.ResponseCompressed);
        return new SimpleResponse { Payload = Payload(request.ResponseSize) };
    }

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        return Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFromUtf8(DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)) } });
    }

    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        ThrowIfEchoStatus(request.ResponseStatus);
        await WriteResponsesAsync(request.ResponseParameters, responseStream, context);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var sum = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            EnsureCompression(requestStream.Current.ExpectCompressed, context);
            sum += requestStream.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = sum };
    }

    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            ThrowIfEchoStatus(requestStream.Current.ResponseStatus);
            await WriteResponsesAsync(requestStream.Current.ResponseParameters, responseStream, context);
        }
    }

    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requests.Add(requestStream.Current);
        }

        foreach (var request in requests)
        {
            await WriteResponsesAsync(request.ResponseParameters, responseStream, context);
        }
    }

    private static async Task WriteResponsesAsync(IEnumerable<ResponseParameters> parameters, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameter.IntervalUs), context.CancellationToken);
            }

            responseStream.WriteOptions = Compressed(parameter.Compressed);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameter.Size) }, context.CancellationToken);
        }
    }

    /// <summary>The server compresses with gzip when the client accepts it; a response asked to be plain is written with NoCompress.</summary>
    private static WriteOptions? Compressed(BoolValue? compressed)
        => compressed?.Value == true ? null : new WriteOptions(WriteFlags.NoCompress);

    /// <summary>expect_compressed: the request stream must have been sent with a compressing encoding.</summary>
    private static void EnsureCompression(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed?.Value != true)
        {
            return;
        }

        var encoding = context.RequestHeaders.GetValue("grpc-encoding") ?? context.GetHttpContext()?.Request.Headers["grpc-encoding"].ToString();
        if (string.IsNullOrEmpty(encoding) || encoding == "identity")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "expected a compressed message, got an uncompressed one"));
        }
    }

    private static void ThrowIfEchoStatus(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        var initial = context.RequestHeaders.Get(EchoInitialKey);
        if (initial is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoInitialKey, initial.Value } });
        }

        var trailing = context.RequestHeaders.Get(EchoTrailingKey);
        if (trailing is not null)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing.ValueBytes);
        }
    }

    private static Payload Payload(int size) => new() { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[size]) };
}
