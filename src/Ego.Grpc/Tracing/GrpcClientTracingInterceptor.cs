using System.Diagnostics;
using Ego.Tracing;

namespace Ego.Grpc.Tracing;

/// <summary>
/// Client span of every call with <c>traceparent</c>/<c>tracestate</c> injected into the request metadata.
/// Added first by <see cref="GrpcClientBuilder"/> when <c>enableTraceInterceptor</c> is on.
/// </summary>
internal sealed class GrpcClientTracingInterceptor(string addr) : Interceptor
{
    private readonly (string Host, int? Port) target = GrpcSpans.ParseTarget(addr);

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var previous = Activity.Current;
        var span = Start(ref context);
        try
        {
            var response = continuation(request, context);
            span?.End(StatusCode.OK, null);
            return response;
        }
        catch (Exception exception)
        {
            span?.End(exception);
            throw;
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var previous = Activity.Current;
        var span = Start(ref context);
        try
        {
            var call = continuation(request, context);
            return span is null ? call : new AsyncUnaryCall<TResponse>(span.EndWith(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
        }
        catch (Exception exception)
        {
            span?.End(exception);
            throw;
        }
        finally
        {
            // The call runs on in its own tasks; the caller's code after this line is not inside the client span.
            Activity.Current = previous;
        }
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var previous = Activity.Current;
        var span = Start(ref context);
        try
        {
            var call = continuation(request, context);
            if (span is null)
            {
                return call;
            }

            var reader = new TracingStreamReader<TResponse>(call.ResponseStream, span, call.GetStatus);
            return new AsyncServerStreamingCall<TResponse>(reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, () => Dispose(span, call.Dispose));
        }
        catch (Exception exception)
        {
            span?.End(exception);
            throw;
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var previous = Activity.Current;
        var span = Start(ref context);
        try
        {
            var call = continuation(context);
            return span is null
                ? call
                : new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, span.EndWith(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, () => Dispose(span, call.Dispose));
        }
        catch (Exception exception)
        {
            span?.End(exception);
            throw;
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var previous = Activity.Current;
        var span = Start(ref context);
        try
        {
            var call = continuation(context);
            if (span is null)
            {
                return call;
            }

            var reader = new TracingStreamReader<TResponse>(call.ResponseStream, span, call.GetStatus);
            return new AsyncDuplexStreamingCall<TRequest, TResponse>(call.RequestStream, reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, () => Dispose(span, call.Dispose));
        }
        catch (Exception exception)
        {
            span?.End(exception);
            throw;
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    private static void Dispose(ClientSpan span, Action dispose)
    {
        dispose();
        span.End(StatusCode.Cancelled, "disposed before the response stream ended");
    }

    private ClientSpan? Start<TRequest, TResponse>(ref ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var name = GrpcSpans.SpanName(context.Method.FullName);
        var activity = EgoTracing.Source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            GrpcSpans.SetMethodTags(activity, name);
            activity.SetTag("server.address", target.Host);
            if (target.Port is { } port)
            {
                activity.SetTag("server.port", port);
            }
        }

        // The caller's metadata may be shared or frozen, so the trace headers go into a copy.
        var headers = new Metadata();
        if (context.Options.Headers is { } given)
        {
            foreach (var entry in given)
            {
                if (entry.Key is not (TraceContext.TraceParentHeader or TraceContext.TraceStateHeader))
                {
                    headers.Add(entry);
                }
            }
        }

        TraceContext.Inject(activity.Context, headers, GrpcSpans.MetadataSetter);
        context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        return new ClientSpan(activity);
    }
}
