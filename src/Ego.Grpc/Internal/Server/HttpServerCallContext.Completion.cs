using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Ego.Grpc.Internal.Server;

internal sealed partial class HttpServerCallContext
{
    /// <summary>
    /// Ends the call with <paramref name="status"/>: in trailers after a started response, otherwise as a
    /// trailers-only response (the status in the headers). Called once the handler is done, so the server ends
    /// the stream when the request delegate returns, with no explicit completion of its own.
    /// </summary>
    public Task CompleteAsync(Status status, Metadata? extraTrailers)
    {
        if (_deadlineLock is null)
        {
            if (_completing)
            {
                return Task.CompletedTask;
            }

            _completing = true;
        }
        else
        {
            lock (_deadlineLock)
            {
                if (_completing)
                {
                    return Task.CompletedTask;
                }

                _completing = true;
            }
        }

        return WriteStatusAsync(status, extraTrailers, includeResponseTrailers: true, endResponse: false);
    }

    private Task WriteStatusAsync(Status status, Metadata? extraTrailers, bool includeResponseTrailers, bool endResponse)
    {
        var response = _http.Response;
        var userTrailers = includeResponseTrailers ? _responseTrailers : null;
        var code = GrpcProtocol.ToWire(status.StatusCode);
        var message = status.Detail.Length == 0 ? null : PercentEncoding.Encode(status.Detail);
        if (!ResponseStarted)
        {
            var headers = response.Headers;
            headers.GrpcStatus = code;
            if (message is not null)
            {
                headers.GrpcMessage = message;
            }

            AppendMetadata(headers, userTrailers);
            AppendMetadata(headers, extraTrailers);

            return endResponse ? response.CompleteAsync() : Task.CompletedTask;
        }

        var trailersFeature = _http.Features.Get<IHttpResponseTrailersFeature>();
        if (trailersFeature?.Trailers is not { IsReadOnly: false } trailers)
        {
            // Without trailer support the status cannot be sent: end the stream abruptly so the client does not take it as success.
            _http.Abort();
            return Task.CompletedTask;
        }

        trailers.GrpcStatus = code;
        if (message is not null)
        {
            trailers.GrpcMessage = message;
        }

        AppendMetadata(trailers, userTrailers);
        AppendMetadata(trailers, extraTrailers);
        return endResponse ? response.CompleteAsync() : Task.CompletedTask;
    }

    private static void AppendMetadata(IHeaderDictionary headers, Metadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            if (!MetadataCodec.IsReserved(entry.Key))
            {
                headers[entry.Key] = StringValues.Concat(headers[entry.Key], MetadataCodec.ToHeaderValue(entry));
            }
        }
    }
}
