using System.Net;
using System.Net.Http.Headers;

namespace Ego.Benchmarks.Grpc;

/// <summary>
/// A unary gRPC call made by hand with <see cref="HttpMessageInvoker"/>: posts a canned length-prefixed request and
/// reads the response and its trailers. The floor any .NET gRPC client on SocketsHttpHandler builds on.
/// </summary>
internal sealed class RawGrpcInvoker : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");

    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
    });

    private readonly Uri _uri;
    private readonly byte[] _request;
    private readonly byte[] _response;

    /// <param name="uri">The method's URL.</param>
    /// <param name="request">The length-prefixed request message.</param>
    /// <param name="responseBufferSize">Room for the whole response body; more is read and overwritten.</param>
    public RawGrpcInvoker(Uri uri, byte[] request, int responseBufferSize)
    {
        _uri = uri;
        _request = request;
        _response = new byte[responseBufferSize];
    }

    /// <summary>Makes one call; returns the total response body length.</summary>
    /// <exception cref="InvalidOperationException">The response is not a successful gRPC response.</exception>
    public async Task<int> CallAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(_request),
        };
        request.Content.Headers.ContentType = GrpcContentType;
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var total = 0;
            int read;
            while ((read = await stream.ReadAsync(_response, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.FirstOrDefault() : null;
            if (response.StatusCode != HttpStatusCode.OK || status != "0" || total < 5)
            {
                throw new InvalidOperationException($"{_uri} answered HTTP {(int)response.StatusCode}, grpc-status '{status}', {total} bytes: expected 200, 0 and a message");
            }

            return total;
        }
    }

    public void Dispose() => _invoker.Dispose();
}
