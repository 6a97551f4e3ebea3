using System.IO.Pipelines;
using System.Net;
using Ego.Grpc.Compression;

namespace Ego.Grpc.Internal.Client;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    /// <summary>Sends the request and waits for the response headers; a trailers-only response finishes the call here.</summary>
    private async Task SendAsync(HttpContent content)
    {
        _content = content;
        StartCancellation();
        var backoff = _channel.Options.InitialReconnectBackoff;
        while (true)
        {
            _cancellation.Token.ThrowIfCancellationRequested();
            var request = CreateRequest(content);
            try
            {
                var response = await _channel.HttpInvoker.SendAsync(request, _cancellation.Token).ConfigureAwait(false);
                _response = response;
                break;
            }
            catch (HttpRequestException exception) when (_options.IsWaitForReady && IsConnectFailure(exception) && !_cancellation.IsCancellationRequested)
            {
                GrpcClientLog.WaitingForReady(_channel.Logger, _method.FullName, backoff, exception);
                await Task.Delay(backoff, _channel.Options.TimeProvider, _cancellation.Token).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _channel.Options.MaxReconnectBackoff.Ticks));
            }
        }

        var http = _response;
        if (Volatile.Read(ref _cancelReason) != NotCancelled)
        {
            throw new OperationCanceledException(_cancellation.Token);
        }

        var headers = ReadMetadata(http.Headers);
        var statusText = FirstValue(http.Headers, GrpcProtocol.StatusHeader);
        if (statusText is not null)
        {
            // Trailers-only: the status travels in the headers.
            _responseHeaders.TrySetResult(headers);
            Finish(ParseStatus(statusText, FirstValue(http.Headers, GrpcProtocol.MessageHeader)), headers);
            return;
        }

        if (http.StatusCode != HttpStatusCode.OK)
        {
            var code = GrpcProtocol.FromHttpStatus((int)http.StatusCode);
            throw new RpcException(new Status(code, $"Bad gRPC response. HTTP status code: {(int)http.StatusCode}"));
        }

        var contentType = http.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: '{contentType}'"));
        }

        _responseEncoding = FirstValue(http.Headers, GrpcProtocol.EncodingHeader);
        if (_responseEncoding is { } encoding && encoding != GrpcProtocol.Identity && !CompressionProviders.IsSupported(encoding))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"the server used grpc-encoding '{encoding}', which is not supported"));
        }

        _responseHeaders.TrySetResult(headers);
        var stream = await http.Content.ReadAsStreamAsync(_cancellation.Token).ConfigureAwait(false);
        _responseReader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 1024, leaveOpen: false));
    }

    private static bool IsConnectFailure(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    private static string? FirstValue(System.Net.Http.Headers.HttpHeaders headers, string name)
        => headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static Metadata ReadMetadata(System.Net.Http.Headers.HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key.ToLowerInvariant();
            if (MetadataCodec.IsReserved(key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                MetadataCodec.AddHeader(metadata, key, value);
            }
        }

        return metadata;
    }

    private static Status ParseStatus(string statusText, string? message)
    {
        if (!int.TryParse(statusText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"invalid grpc-status '{statusText}'");
        }

        var detail = message is null ? "" : PercentEncoding.Decode(message);
        return new Status((StatusCode)code, detail);
    }
}
