using Ego.Discovery;

namespace Ego.Http.Client.Internal;

/// <summary>
/// Sends each request addressed to the client's logical base address to the endpoint the balancer picks, rewriting
/// scheme, host and port. A connection that fails puts the endpoint in backoff and, as nothing was sent, the request
/// goes to another endpoint; requests to other hosts pass through untouched.
/// </summary>
internal sealed class BalancingHandler(BalancedEndpoints endpoints, Uri logicalBase, TimeSpan resolveTimeout, TimeSpan initialBackoff, TimeSpan maxBackoff) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || Uri.Compare(uri, logicalBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!await endpoints.WaitResolvedAsync(resolveTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, endpoints.DescribeUnavailable());
        }

        var pathAndQuery = uri.PathAndQuery;
        var timeProvider = endpoints.TimeProvider;
        var attempts = 0;
        while (true)
        {
            var subchannel = endpoints.Pick() ?? throw new HttpRequestException(HttpRequestError.ConnectionError, endpoints.DescribeUnavailable());
            request.RequestUri = new Uri(subchannel.BaseUri, pathAndQuery);
            var started = subchannel.OnCallStarted(timeProvider);
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                subchannel.OnCallFinished(timeProvider, started, serverFailure: (int)response.StatusCode >= 500);
                return response;
            }
            catch (HttpRequestException exception) when (IsConnectFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                subchannel.OnCallAbandoned();
                endpoints.OnConnectFailed(subchannel, initialBackoff, maxBackoff);
                if (++attempts >= endpoints.Subchannels.Count)
                {
                    throw;
                }
            }
            catch
            {
                subchannel.OnCallFinished(timeProvider, started, serverFailure: true);
                throw;
            }
        }
    }

    private static bool IsConnectFailure(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
}
