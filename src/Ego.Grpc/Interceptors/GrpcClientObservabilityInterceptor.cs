using System.Diagnostics;
using Ego.Grpc.Interceptors.Internal;
using Ego.Observability;

namespace Ego.Grpc.Interceptors;

/// <summary>
/// A client's access log and <c>ego_client_*</c> metrics for every call, and the metadata EGO sends with each call:
/// the application name (<c>app</c>) and the extra keys of the call being served (<see cref="CallExtras"/>).
/// Added first by <see cref="GrpcClientBuilder.Build"/>.
/// </summary>
public sealed class GrpcClientObservabilityInterceptor : Interceptor
{
    private readonly AccessLogger access;
    private readonly string? appName;
    private readonly bool metrics;

    /// <param name="access">Where access and debug lines go; its settings' name and address are the <c>name</c> and <c>peer</c> labels.</param>
    /// <param name="appName">Sent as the <c>app</c> metadata; <c>null</c> sends none.</param>
    /// <param name="enableMetrics">Records the <c>ego_client_*</c> metrics.</param>
    public GrpcClientObservabilityInterceptor(AccessLogger access, string? appName, bool enableMetrics = true)
    {
        this.access = access ?? throw new ArgumentNullException(nameof(access));
        this.appName = string.IsNullOrEmpty(appName) ? null : appName;
        metrics = enableMetrics;
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Begin(ref context, CallMetricTypes.Unary);
        try
        {
            var response = continuation(request, context);
            End(call, context.Method.FullName, request, response, null);
            return response;
        }
        catch (Exception exception)
        {
            End(call, context.Method.FullName, request, null, exception);
            throw;
        }
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Begin(ref context, CallMetricTypes.Unary);
        AsyncUnaryCall<TResponse> inner;
        try
        {
            inner = continuation(request, context);
        }
        catch (Exception exception)
        {
            End(call, context.Method.FullName, request, null, exception);
            throw;
        }

        return new AsyncUnaryCall<TResponse>(
            Observe(inner.ResponseAsync, call, context.Method.FullName, request),
            inner.ResponseHeadersAsync,
            static s => ((AsyncUnaryCall<TResponse>)s).GetStatus(),
            static s => ((AsyncUnaryCall<TResponse>)s).GetTrailers(),
            static s => ((AsyncUnaryCall<TResponse>)s).Dispose(),
            inner);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Begin(ref context, CallMetricTypes.Stream);
        var inner = continuation(context);
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            inner.RequestStream,
            Observe(inner.ResponseAsync, call, context.Method.FullName, null),
            inner.ResponseHeadersAsync,
            static s => ((AsyncClientStreamingCall<TRequest, TResponse>)s).GetStatus(),
            static s => ((AsyncClientStreamingCall<TRequest, TResponse>)s).GetTrailers(),
            static s => ((AsyncClientStreamingCall<TRequest, TResponse>)s).Dispose(),
            inner);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Begin(ref context, CallMetricTypes.Stream);
        var inner = continuation(request, context);
        var method = context.Method.FullName;
        return new AsyncServerStreamingCall<TResponse>(
            new ObservedStreamReader<TResponse>(inner.ResponseStream, e => End(call, method, request, null, e)),
            inner.ResponseHeadersAsync,
            static s => ((AsyncServerStreamingCall<TResponse>)s).GetStatus(),
            static s => ((AsyncServerStreamingCall<TResponse>)s).GetTrailers(),
            static s => ((AsyncServerStreamingCall<TResponse>)s).Dispose(),
            inner);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Begin(ref context, CallMetricTypes.Stream);
        var inner = continuation(context);
        var method = context.Method.FullName;
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            inner.RequestStream,
            new ObservedStreamReader<TResponse>(inner.ResponseStream, e => End(call, method, null, null, e)),
            inner.ResponseHeadersAsync,
            static s => ((AsyncDuplexStreamingCall<TRequest, TResponse>)s).GetStatus(),
            static s => ((AsyncDuplexStreamingCall<TRequest, TResponse>)s).GetTrailers(),
            static s => ((AsyncDuplexStreamingCall<TRequest, TResponse>)s).Dispose(),
            inner);
    }

    private async Task<TResponse> Observe<TResponse>(Task<TResponse> response, CallStart call, string method, object? request)
    {
        try
        {
            var result = await response.ConfigureAwait(false);
            End(call, method, request, result, null);
            return result;
        }
        catch (Exception exception)
        {
            End(call, method, request, null, exception);
            throw;
        }
    }

    private CallStart Begin<TRequest, TResponse>(ref ClientInterceptorContext<TRequest, TResponse> context, string type)
        where TRequest : class
        where TResponse : class
    {
        var extras = CallExtras.Current;
        if (appName is not null || extras.Count > 0)
        {
            var headers = new Metadata();
            if (context.Options.Headers is { } given)
            {
                foreach (var entry in given)
                {
                    headers.Add(entry);
                }
            }

            if (appName is not null && headers.Get(GrpcMetadataKeys.App) is null)
            {
                headers.Add(GrpcMetadataKeys.App, appName);
            }

            foreach (var pair in extras)
            {
                if (headers.Get(pair.Key) is null)
                {
                    headers.Add(pair.Key, pair.Value);
                }
            }

            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        }

        if (metrics)
        {
            EgoCallMetrics.ClientCallStarted(type, access.Settings.Name, context.Method.FullName, access.Settings.Address);
        }

        return new CallStart(type, extras, access.FindCaller(), Stopwatch.GetTimestamp());
    }

    private void End(in CallStart call, string method, object? request, object? response, Exception? exception)
    {
        var cost = Stopwatch.GetElapsedTime(call.Timestamp);
        var status = exception switch
        {
            null => Status.DefaultSuccess,
            RpcException rpc => rpc.Status,
            OperationCanceledException => new Status(StatusCode.Cancelled, exception.Message),
            _ => new Status(StatusCode.Unknown, exception.Message),
        };
        if (metrics)
        {
            EgoCallMetrics.ClientCallHandled(call.Type, access.Settings.Name, method, access.Settings.Address, GrpcCodes.Name(status.StatusCode), cost);
        }

        var failed = status.StatusCode != StatusCode.OK;

        // An exception that is not a gRPC outcome (a bug in an inner interceptor) is the client's panic.
        var unexpected = exception is not (null or RpcException or OperationCanceledException);
        if (!access.ShouldWrite(cost, GrpcCodes.ToHttp(status.StatusCode), failed, unexpected))
        {
            return;
        }

        access.Write(new AccessRecord
        {
            Method = method,
            Cost = cost,
            Code = (int)status.StatusCode,
            UniformCode = GrpcCodes.ToHttp(status.StatusCode),
            Error = failed && !unexpected ? GrpcCodes.ErrorText(status) : null,
            Panic = unexpected ? exception : null,
            PeerIp = "",
            PeerName = "",
            Request = access.WantsRequest ? request : null,
            Response = access.WantsResponse ? response : null,
            Extras = call.Extras,
            Caller = call.Caller,
        });
    }

    private readonly record struct CallStart(string Type, IReadOnlyList<KeyValuePair<string, string>> Extras, string? Caller, long Timestamp);
}
