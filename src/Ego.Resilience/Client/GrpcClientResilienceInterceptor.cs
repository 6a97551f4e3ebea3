using System.Collections.Concurrent;
using Ego.Grpc;
using Ego.Resilience.CircuitBreaking;
using Ego.Resilience.Client.Internal;

namespace Ego.Resilience.Client;

/// <summary>
/// Client traffic governance as one interceptor, in onion order: the client's token bucket (once per call), then
/// retries or hedging, then the method's breaker (once per attempt). Added after the observability interceptors, so
/// the access log and <c>ego_client_*</c> metrics see one call however many attempts it took, and a call failed
/// locally as a failed call. Server-streaming calls are retried only before their first response message;
/// client-streaming and duplex calls are never retried.
/// </summary>
public sealed class GrpcClientResilienceInterceptor : Interceptor
{
    private const int MaxCachedMethods = 1024;

    // Generated clients keep one Method object per method, so the reference is the cheapest key of its policy.
    private readonly ConcurrentDictionary<IMethod, MethodPolicy> policies = new(ReferenceEqualityComparer.Instance);
    private readonly ClientResilience resilience;
    private readonly TimeSpan defaultTimeout;

    /// <param name="resilience">The client's governance state.</param>
    /// <param name="defaultTimeout">Deadline of unary calls made without one (the client's <c>readTimeout</c>), shared by all attempts; zero for none.</param>
    public GrpcClientResilienceInterceptor(ClientResilience resilience, TimeSpan defaultTimeout = default)
    {
        this.resilience = resilience ?? throw new ArgumentNullException(nameof(resilience));
        this.defaultTimeout = defaultTimeout;
    }

    /// <summary>The client's governance state (breakers, retry budget), e.g. for the governor.</summary>
    public ClientResilience Resilience => resilience;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var policy = Policy(context.Method);
        if (!resilience.TryAcquireRate(policy.Method))
        {
            return GrpcOutcome.Failed<TResponse>(GrpcOutcome.RateLimited(resilience));
        }

        if (policy.HedgeAttempts > 1)
        {
            return new UnaryHedgedCall<TRequest, TResponse>(resilience, policy, request, WithDeadline(context), continuation).Start();
        }

        if (policy.RetryAttempts > 1)
        {
            return new UnaryRetryCall<TRequest, TResponse>(resilience, policy, request, WithDeadline(context), continuation).Start();
        }

        if (policy.Breaker is not { } breaker)
        {
            return continuation(request, context);
        }

        if (!breaker.TryAcquire())
        {
            return GrpcOutcome.Failed<TResponse>(GrpcOutcome.BreakerOpen(resilience, policy.Method));
        }

        // The call is returned as it is; the outcome reaches the breaker from a continuation, with no wrapper to allocate.
        var inner = Send(request, context, continuation, breaker);
        OutcomeRecorder<TResponse>.Attach(inner.ResponseAsync, breaker);
        return inner;
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        // The asynchronous path carries retries and hedging; blocking on it keeps one implementation of each.
        ArgumentNullException.ThrowIfNull(continuation);
        return AsyncUnaryCall(request, context, (r, c) =>
        {
            try
            {
                return GrpcOutcome.Succeeded(continuation(r, c));
            }
            catch (RpcException error)
            {
                return GrpcOutcome.Failed<TResponse>(error);
            }
        }).ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var policy = Policy(context.Method);
        if (Reject(policy) is { } rejection)
        {
            return RejectedStream<TRequest, TResponse>.ServerStreaming(rejection);
        }

        var first = continuation(request, context);
        if (policy.RetryAttempts > 1)
        {
            var reader = new RetryingStreamReader<TRequest, TResponse>(resilience, policy, request, context, continuation, first);
            return new AsyncServerStreamingCall<TResponse>(reader, first.ResponseHeadersAsync,
                static s => ((RetryingStreamReader<TRequest, TResponse>)s).Call.GetStatus(), static s => ((RetryingStreamReader<TRequest, TResponse>)s).Call.GetTrailers(),
                static s => ((RetryingStreamReader<TRequest, TResponse>)s).Call.Dispose(), reader);
        }

        return policy.Breaker is not { } breaker ? first : new AsyncServerStreamingCall<TResponse>(
            new RecordingStreamReader<TResponse>(first.ResponseStream, breaker), first.ResponseHeadersAsync,
            static s => ((AsyncServerStreamingCall<TResponse>)s).GetStatus(), static s => ((AsyncServerStreamingCall<TResponse>)s).GetTrailers(),
            static s => ((AsyncServerStreamingCall<TResponse>)s).Dispose(), first);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var policy = Policy(context.Method);
        if (Reject(policy) is { } rejection)
        {
            return RejectedStream<TRequest, TResponse>.ClientStreaming(rejection);
        }

        var inner = continuation(context);
        return policy.Breaker is not { } breaker ? inner : new AsyncClientStreamingCall<TRequest, TResponse>(
            inner.RequestStream, RecordAsync(inner.ResponseAsync, breaker), inner.ResponseHeadersAsync,
            static s => ((AsyncClientStreamingCall<TRequest, TResponse>)s).GetStatus(), static s => ((AsyncClientStreamingCall<TRequest, TResponse>)s).GetTrailers(),
            static s => ((AsyncClientStreamingCall<TRequest, TResponse>)s).Dispose(), inner);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var policy = Policy(context.Method);
        if (Reject(policy) is { } rejection)
        {
            return RejectedStream<TRequest, TResponse>.Duplex(rejection);
        }

        var inner = continuation(context);
        return policy.Breaker is not { } breaker ? inner : new AsyncDuplexStreamingCall<TRequest, TResponse>(
            inner.RequestStream, new RecordingStreamReader<TResponse>(inner.ResponseStream, breaker), inner.ResponseHeadersAsync,
            static s => ((AsyncDuplexStreamingCall<TRequest, TResponse>)s).GetStatus(), static s => ((AsyncDuplexStreamingCall<TRequest, TResponse>)s).GetTrailers(),
            static s => ((AsyncDuplexStreamingCall<TRequest, TResponse>)s).Dispose(), inner);
    }

    private MethodPolicy Policy(IMethod method)
    {
        if (policies.TryGetValue(method, out var policy))
        {
            return policy;
        }

        policy = resilience.ForMethod(method.FullName);
        if (policies.Count < MaxCachedMethods)
        {
            policies.TryAdd(method, policy);
        }

        return policy;
    }

    /// <summary>The error of a streaming call the rate limit or the breaker fails before it starts; null to send it.</summary>
    private RpcException? Reject(MethodPolicy policy)
    {
        if (!resilience.TryAcquireRate(policy.Method))
        {
            return GrpcOutcome.RateLimited(resilience);
        }

        return policy.Breaker is { } breaker && !breaker.TryAcquire() ? GrpcOutcome.BreakerOpen(resilience, policy.Method) : null;
    }

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
        => context.Options.Deadline is null && defaultTimeout > TimeSpan.Zero
            ? new(context.Method, context.Host, context.Options.WithDeadline(resilience.Time.GetUtcNow().UtcDateTime + defaultTimeout))
            : context;

    private static AsyncUnaryCall<TResponse> Send<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation, AdaptiveCircuitBreaker breaker)
        where TRequest : class
        where TResponse : class
    {
        try
        {
            return continuation(request, context);
        }
        catch (Exception exception)
        {
            GrpcOutcome.Record(breaker, GrpcOutcome.CodeOf(exception));
            throw;
        }
    }

    private static async Task<TResponse> RecordAsync<TResponse>(Task<TResponse> response, AdaptiveCircuitBreaker breaker)
    {
        try
        {
            var result = await response.ConfigureAwait(false);
            breaker.Record(failed: false);
            return result;
        }
        catch (Exception exception)
        {
            GrpcOutcome.Record(breaker, GrpcOutcome.CodeOf(exception));
            throw;
        }
    }
}
