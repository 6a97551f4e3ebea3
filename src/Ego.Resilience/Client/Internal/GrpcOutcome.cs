using Ego.Grpc;
using Ego.Resilience.CircuitBreaking;

namespace Ego.Resilience.Client.Internal;

/// <summary>How gRPC outcomes feed breakers, and the errors of calls failed locally.</summary>
internal static class GrpcOutcome
{
    /// <summary>Trailer on calls failed locally, naming the reason (<c>breaker_open</c> or <c>rate_limited</c>).</summary>
    public const string RejectedTrailer = "ego-rejected";

    /// <summary>Codes that mean the downstream is in trouble; any other outcome counts as accepted.</summary>
    public static bool IsFailure(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
        or StatusCode.DataLoss or StatusCode.Unimplemented or StatusCode.ResourceExhausted;

    /// <summary>Records an outcome; a call the caller cancelled says nothing about the downstream and is not recorded.</summary>
    public static void Record(AdaptiveCircuitBreaker? breaker, StatusCode code)
    {
        if (breaker is not null && code != StatusCode.Cancelled)
        {
            breaker.Record(IsFailure(code));
        }
    }

    public static StatusCode CodeOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };

    public static RpcException BreakerOpen(ClientResilience resilience, string method)
    {
        resilience.Rejected(method, ClientResilienceMetrics.BreakerOpen);
        return Rejection(new Status(StatusCode.Unavailable, $"circuit open for {resilience.Name}/{method.TrimStart('/')}"), ClientResilienceMetrics.BreakerOpen);
    }

    public static RpcException RateLimited(ClientResilience resilience) =>
        Rejection(new Status(StatusCode.ResourceExhausted, $"client rate limit of {resilience.Name} exceeded (rateLimit.rps = {resilience.Options.RateLimit.Rps})"), ClientResilienceMetrics.RateLimited);

    private static RpcException Rejection(Status status, string reason) => new(status, new Metadata { { RejectedTrailer, reason } });

    /// <summary>A unary call that failed before it was sent.</summary>
    public static AsyncUnaryCall<TResponse> Failed<TResponse>(RpcException error) => new(
        Task.FromException<TResponse>(error), Task.FromResult(new Metadata()),
        static s => ((RpcException)s).Status, static s => ((RpcException)s).Trailers, static _ => { }, error);

    /// <summary>A unary call that has already succeeded (a blocking call passed through the asynchronous path).</summary>
    public static AsyncUnaryCall<TResponse> Succeeded<TResponse>(TResponse response) => new(
        Task.FromResult(response), Task.FromResult(new Metadata()),
        static _ => Status.DefaultSuccess, static _ => new Metadata(), static _ => { }, Status.DefaultSuccess);
}
