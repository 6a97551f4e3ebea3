using Ego.Resilience.Client;

namespace Ego.Grpc.Bench;

/// <summary>
/// The invoker of a load client: the bare channel (<c>--resilience=off</c>), or (<c>on</c>) every client governance
/// interceptor on and idle: a breaker per method, retries of every method and a token bucket too large to reject;
/// <c>breaker</c>, <c>retry</c> and <c>ratelimit</c> turn on one of them alone, to see where the cost is.
/// </summary>
internal static class ClientGovernance
{
    public static CallInvoker Create(GrpcChannel channel, string mode) => mode switch
    {
        "off" => channel.CreateCallInvoker(),
        "on" or "breaker" or "retry" or "ratelimit" => channel.CreateCallInvoker().Intercept(new GrpcClientResilienceInterceptor(new ClientResilience("grpc.bench", ClientResilience.Grpc, Idle(mode)))),
        _ => throw new ArgumentException($"--resilience='{mode}' is invalid: expected off, on, breaker, retry or ratelimit"),
    };

    /// <summary>Defaults (breaker on) plus retries of every method and a rate limit that never trips.</summary>
    public static ClientResilienceOptions Idle(string mode)
    {
        var options = new ClientResilienceOptions
        {
            EnableBreaker = mode is "on" or "breaker",
            EnableRetry = mode is "on" or "retry",
            EnableRateLimit = mode is "on" or "ratelimit",
        };
        options.Retry.Methods = ["*"];
        options.RateLimit.Rps = 1e9;
        options.RateLimit.Burst = 1_000_000;
        return options;
    }
}
