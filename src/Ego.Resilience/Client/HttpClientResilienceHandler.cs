using System.Net;

namespace Ego.Resilience.Client;

/// <summary>
/// HTTP client traffic governance as a <see cref="DelegatingHandler"/>, in onion order: the client's token bucket,
/// then retries of idempotent requests (GET, HEAD, OPTIONS unless <c>retry.methods</c> says otherwise) on the
/// configured statuses and on transport failures, then the breaker of the request's operation (once per attempt).
/// Put it after the observability handler so the access log sees one request. Rejections throw
/// <see cref="ClientRejectedException"/>. The request content must be re-readable to be retried (buffered content is).
/// </summary>
public sealed class HttpClientResilienceHandler : DelegatingHandler
{
    /// <summary>Names the operation of a request for its breaker (default: verb and path, e.g. <c>GET /users</c>).</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("Ego.Resilience.Operation");

    /// <summary>Marks one request idempotent (retried) or not, over the client's <c>retry.methods</c>.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Ego.Resilience.Idempotent");

    private readonly ClientResilience resilience;

    public HttpClientResilienceHandler(ClientResilience resilience)
    {
        this.resilience = resilience ?? throw new ArgumentNullException(nameof(resilience));
    }

    /// <summary>The client's governance state.</summary>
    public ClientResilience Resilience => resilience;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Options.TryGetValue(Operation, out var operation) ? operation : request.Method.Method + " " + (request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString);
        var policy = resilience.ForMethod(key);
        if (!resilience.TryAcquireRate(policy.Method))
        {
            throw new ClientRejectedException(ClientResilienceMetrics.RateLimited, $"client rate limit of {resilience.Name} exceeded (rateLimit.rps = {resilience.Options.RateLimit.Rps})", HttpStatusCode.TooManyRequests);
        }

        var attempts = !request.Options.TryGetValue(Idempotent, out var idempotent) ? policy.RetryAttempts
            : idempotent && resilience.Options.EnableRetry ? Math.Max(policy.RetryAttempts, resilience.Options.Retry.MaxAttempts) : 1;
        var breaker = policy.Breaker;
        for (var attempt = 1; ; attempt++)
        {
            if (breaker is not null && !breaker.TryAcquire())
            {
                resilience.Rejected(policy.Method, ClientResilienceMetrics.BreakerOpen);
                throw new ClientRejectedException(ClientResilienceMetrics.BreakerOpen, $"circuit open for {resilience.Name}/{policy.Method}", HttpStatusCode.ServiceUnavailable);
            }

            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
            {
                breaker?.Record(failed: true);
                if (!await RetryAsync(attempt, attempts, policy.Method, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                continue;
            }

            var status = (int)response.StatusCode;
            breaker?.Record(failed: status >= 500);
            if (!resilience.RetryCodes.Contains(status))
            {
                if (status < 500)
                {
                    resilience.Budget.OnSuccess();
                }

                return response;
            }

            if (!await RetryAsync(attempt, attempts, policy.Method, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
        }
    }

    /// <summary>Takes a budget token for a failed attempt and waits the backoff if another attempt may be sent.</summary>
    private async Task<bool> RetryAsync(int attempt, int attempts, string method, CancellationToken cancellationToken)
    {
        if (attempts <= 1)
        {
            return false;
        }

        resilience.Budget.OnFailure();
        if (attempt >= attempts)
        {
            return false;
        }

        if (!resilience.Budget.CanRetry)
        {
            resilience.RetryThrottled(method);
            return false;
        }

        await Task.Delay(resilience.Backoff(attempt), resilience.Time, cancellationToken).ConfigureAwait(false);
        ClientResilienceMetrics.CountAttempt(resilience.Type, resilience.Name, method, ClientResilienceMetrics.Retry);
        return true;
    }
}
