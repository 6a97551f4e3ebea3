using System.Net;

namespace Ego.Resilience.Client;

/// <summary>
/// An HTTP request failed locally without being sent: its breaker is open (<see cref="HttpRequestException.StatusCode"/> 503)
/// or the client's rate limit is reached (429). An <see cref="HttpRequestException"/>, so code that handles transport
/// failures handles it too.
/// </summary>
public sealed class ClientRejectedException : HttpRequestException
{
    public ClientRejectedException(string reason, string message, HttpStatusCode statusCode)
        : base(message, null, statusCode)
    {
        Reason = reason;
    }

    /// <summary><c>breaker_open</c> or <c>rate_limited</c>, as the <c>reason</c> label.</summary>
    public string Reason { get; }
}
