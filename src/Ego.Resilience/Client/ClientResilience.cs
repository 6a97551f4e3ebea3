using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ego.Resilience.CircuitBreaking;
using Ego.Resilience.Client.Internal;
using Ego.Resilience.ClientRateLimiting;
using Ego.Resilience.Retries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Resilience.Client;

/// <summary>
/// The governance state of one client: its breakers, retry budget and token bucket, shared by all its calls.
/// Used by <see cref="GrpcClientResilienceInterceptor"/> and <see cref="HttpClientResilienceHandler"/>.
/// </summary>
public sealed class ClientResilience
{
    /// <summary>The <c>type</c> label of gRPC clients.</summary>
    public const string Grpc = "grpc";

    /// <summary>The <c>type</c> label of HTTP clients.</summary>
    public const string Http = "http";

    private const int MaxCachedMethods = 1024;

    private readonly ConcurrentDictionary<string, MethodPolicy> methods = new(StringComparer.Ordinal);
    private readonly Func<string, MethodPolicy> resolve;
    private readonly CircuitBreakerRegistry? breakers;
    private readonly TokenBucket? limiter;
    private readonly ILogger logger;
    private readonly Func<double> random;

    /// <param name="name">The client's config key, e.g. <c>grpc.user</c>: the <c>name</c> label and the target of its breakers.</param>
    /// <param name="type"><see cref="Grpc"/> or <see cref="Http"/>.</param>
    /// <param name="options">The options; they are validated here.</param>
    /// <param name="loggerFactory">Where breaker changes and rejections are logged.</param>
    /// <param name="time">Clock of the breakers, the token bucket and the backoff.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad key.</exception>
    public ClientResilience(string name, string type, ClientResilienceOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
        : this(name, type, options, loggerFactory, time, null, null)
    {
    }

    internal ClientResilience(string name, string type, ClientResilienceOptions options, ILoggerFactory? loggerFactory, TimeProvider? time, Func<double>? random, Func<double>? breakerDraw)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        if (type is not (Grpc or Http))
        {
            throw new ArgumentException($"'{type}' is not a client type: expected {Grpc} or {Http}", nameof(type));
        }

        var errors = new List<Ego.Components.ComponentOptionError>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid resilience options of {name}: " + string.Join("; ", errors), nameof(options));
        }

        Name = name;
        Type = type;
        Options = options;
        Time = time ?? TimeProvider.System;
        this.random = random ?? Random.Shared.NextDouble;
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Ego.Resilience.Client");
        var http = type == Http;
        RetryCodes = http ? CodeSet.Http(options.Retry.Codes, 502, 503, 504) : CodeSet.Grpc(options.Retry.Codes, 14);
        NonFatalCodes = http ? CodeSet.Http(options.Hedging.NonFatalCodes) : CodeSet.Grpc(options.Hedging.NonFatalCodes);
        Budget = new RetryBudget(options.Retry.Budget);
        if (options.EnableBreaker)
        {
            breakers = new CircuitBreakerRegistry(name, options.Breaker, Time, OnBreakerChanged, breakerDraw);
        }

        if (options.EnableRateLimit && options.RateLimit.Rps > 0)
        {
            limiter = new TokenBucket(options.RateLimit.Rps, options.RateLimit.Burst, Time);
        }

        resolve = method => Resolve(method, http);
    }

    public string Name { get; }

    public string Type { get; }

    public ClientResilienceOptions Options { get; }

    /// <summary>The retry throttling shared by the client's calls.</summary>
    public RetryBudget Budget { get; }

    internal TimeProvider Time { get; }

    internal CodeSet RetryCodes { get; }

    internal CodeSet NonFatalCodes { get; }

    internal ILogger Logger => logger;

    /// <summary>The breakers created so far (none when breakers are off).</summary>
    public IEnumerable<AdaptiveCircuitBreaker> Breakers => breakers?.All ?? [];

    internal MethodPolicy ForMethod(string method)
    {
        if (methods.TryGetValue(method, out var policy))
        {
            return policy;
        }

        return methods.Count < MaxCachedMethods ? methods.GetOrAdd(method, resolve) : resolve(method);
    }

    /// <summary>Takes a token from the client's bucket; counts and logs the rejection when there is none.</summary>
    internal bool TryAcquireRate(string method)
    {
        if (limiter is null || limiter.TryAcquire())
        {
            return true;
        }

        Rejected(method, ClientResilienceMetrics.RateLimited);
        return false;
    }

    internal void Rejected(string method, string reason)
    {
        ClientResilienceMetrics.CountRejected(Type, Name, method, reason);
        ClientResilienceLog.Rejected(logger, "rejected", reason, Name, method);
    }

    internal void RetryThrottled(string method)
    {
        ClientResilienceMetrics.CountAttempt(Type, Name, method, ClientResilienceMetrics.Throttled);
        ClientResilienceLog.RetryThrottled(logger, "retry_throttled", Name, method, Budget.Tokens);
    }

    internal TimeSpan Backoff(int retry) => Retries.Backoff.Delay(Options.Retry, retry, random());

    /// <summary>Breaker states, drop ratios and the retry budget, as the governor shows them.</summary>
    public JsonObject Snapshot()
    {
        var node = new JsonObject { ["type"] = Type, ["retryTokens"] = Budget.Tokens };
        var states = new JsonObject();
        foreach (var breaker in Breakers.OrderBy(b => b.Method, StringComparer.Ordinal))
        {
            var drop = breaker.DropRatio(out var accepted, out var total);
            states[breaker.Method] = new JsonObject
            {
                ["state"] = breaker.State == BreakerState.Open ? "open" : "closed",
                ["dropRatio"] = Math.Round(drop, 4),
                ["accepted"] = accepted,
                ["total"] = total,
            };
        }

        node["breakers"] = states;
        return node;
    }

    private MethodPolicy Resolve(string method, bool http)
    {
        var retry = Options.EnableRetry ? IdempotentMethods.Attempts(Options.Retry, method, http, Options.Retry.MaxAttempts) : 1;
        var hedge = Options.EnableRetry && Options.Hedging.MaxAttempts > 1 && retry > 1 ? Options.Hedging.MaxAttempts : 1;
        return new MethodPolicy(method, breakers?.Get(method), hedge > 1 ? 1 : retry, hedge);
    }

    private void OnBreakerChanged(AdaptiveCircuitBreaker breaker, BreakerState state)
    {
        var open = state == BreakerState.Open;
        var name = open ? "open" : "closed";
        ClientResilienceMetrics.CountBreakerChange(Type, Name, breaker.Method, name);
        if (open)
        {
            var drop = breaker.DropRatio(out var accepted, out var total);
            ClientResilienceLog.BreakerOpened(logger, "breaker_open", Name, breaker.Method, Math.Round(drop, 4), accepted, total);
        }
        else
        {
            ClientResilienceLog.BreakerClosed(logger, "breaker_close", Name, breaker.Method);
        }
    }
}
