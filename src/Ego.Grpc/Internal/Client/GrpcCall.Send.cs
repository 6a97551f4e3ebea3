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
        var endpoints = _channel.Endpoints;
        // Unless the call waits for ready, no longer than a connection may take: UNAVAILABLE rather than a hang.
        var resolveTimeout = _options.IsWaitForReady ? Timeout.InfiniteTimeSpan : _channel.Options.ConnectTimeout;
        if (!await endpoints.WaitResolvedAsync(resolveTimeout, _cancellation.Token).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, endpoints.DescribeUnavailable()));
        }

        var backoff = _channel.Options.InitialReconnectBackoff;
        var attempts = 0;
        while (true)
        {
            _cancellation.Token.ThrowIfCancellationRequested();
            var subchannel = endpoints.Pick();
            if (subchannel is null)
            {
                if (!_options.IsWaitForReady)
                {
                    throw new RpcException(new Status(StatusCode.Unavailable, endpoints.DescribeUnavailable()));
                }

                await Task.Delay(backoff, _channel.Options.TimeProvider, _cancellation.Token).ConfigureAwait(false);
                backoff = NextBackoff(backoff);
                continue;
            }

            var request = CreateRequest(content, subchannel.GetUri(_method.FullName));
            UseSubchannel(subchannel);
            try
            {
                var response = await _channel.HttpInvoker.SendAsync(request, _cancellation.Token).ConfigureAwait(false);
                _response = response;
                break;
            }
            catch (HttpRequestException exception) when (IsConnectFailure(exception) && !_cancellation.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _subchannel, null)?.OnCallAbandoned();
                endpoints.OnConnectFailed(subchannel, _channel.Options.InitialReconnectBackoff, _channel.Options.MaxReconnectBackoff);

                // Nothing reached the server, so another endpoint may take the call.
                if (++attempts < endpoints.Subchannels.Count)
                {
                    continue;
                }

                if (!_options.IsWaitForReady)
                {
                    throw;
                }

                GrpcClientLog.WaitingForReady(_channel.Logger, _method.FullName, backoff, exception);
                await Task.Delay(backoff, _channel.Options.TimeProvider, _cancellation.Token).ConfigureAwait(false);
                backoff = NextBackoff(backoff);
                attempts = 0;
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

    private TimeSpan NextBackoff(TimeSpan backoff) => TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _channel.Options.MaxReconnectBackoff.Ticks));

    /// <summary>Counts the call on <paramref name="subchannel"/>; a call finished meanwhile releases it at once.</summary>
    private void UseSubchannel(Discovery.Subchannel subchannel)
    {
        _subchannelStarted = subchannel.OnCallStarted(_channel.Options.TimeProvider);
        Volatile.Write(ref _subchannel, subchannel);
        if (IsFinished)
        {
            ReleaseSubchannel(_status?.StatusCode ?? StatusCode.Cancelled);
        }
    }

    /// <summary>Folds the call's latency and outcome into its endpoint's figures, once.</summary>
    private void ReleaseSubchannel(StatusCode code)
    {
        // go-zero's codes.Acceptable: these mean the endpoint is in trouble, the others are the caller's business.
        var serverFailure = code is StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unavailable
            or StatusCode.DataLoss or StatusCode.Unimplemented or StatusCode.ResourceExhausted;
        Interlocked.Exchange(ref _subchannel, null)?.OnCallFinished(_channel.Options.TimeProvider, _subchannelStarted, serverFailure);
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
