using System.Diagnostics;
using Ego.Grpc.Internal;
using Ego.Tracing;

namespace Ego.Grpc.Tracing;

/// <summary>
/// Server span of every call: parent from <c>traceparent</c> in the request metadata, RPC attributes, status, and
/// the trace id in the response header named by <c>EGO_TRACE_ID_NAME</c>. Added first by <see cref="GrpcServerBuilder"/>.
/// </summary>
internal sealed class GrpcServerTracingInterceptor(string traceIdHeader) : Interceptor
{
    // Not async: a handler that completes synchronously is traced without a state machine or a second task.
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var previous = Activity.Current;
        var activity = Start(context);
        Task<TResponse> handling;
        try
        {
            handling = continuation(request, context);
        }
        catch (Exception exception) when (Failed(activity, exception))
        {
            throw;
        }
        catch
        {
            activity?.Dispose();
            throw;
        }

        if (handling.IsFaulted && handling.Exception.InnerException is { } failure)
        {
            // Already failed (a refusal): recorded without rethrowing, the caller gets the same task.
            Failed(activity, failure);
            activity?.Dispose();
            return handling;
        }

        if (!handling.IsCompletedSuccessfully)
        {
            var ending = EndUnaryAsync(handling, activity, context);

            // The handler's flow keeps the span until it ends; the caller's flow gets back what it had.
            Activity.Current = previous;
            return ending;
        }

        Succeeded(activity, context);
        activity?.Dispose();
        return handling;
    }

    private static async Task<TResponse> EndUnaryAsync<TResponse>(Task<TResponse> handling, Activity? activity, ServerCallContext context)
    {
        using (activity)
        {
            try
            {
                var response = await handling.ConfigureAwait(false);
                Succeeded(activity, context);
                return response;
            }
            catch (Exception exception) when (Failed(activity, exception))
            {
                throw;
            }
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var activity = Start(context);
        try
        {
            var response = await continuation(requestStream, context).ConfigureAwait(false);
            Succeeded(activity, context);
            return response;
        }
        catch (Exception exception) when (Failed(activity, exception))
        {
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var activity = Start(context);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            Succeeded(activity, context);
        }
        catch (Exception exception) when (Failed(activity, exception))
        {
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var activity = Start(context);
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            Succeeded(activity, context);
        }
        catch (Exception exception) when (Failed(activity, exception))
        {
            throw;
        }
    }

    private Activity? Start(ServerCallContext context)
    {
        TraceContext.TryExtract(context, ServerCallHeaders.Getter, out var parent);
        var name = GrpcSpans.SpanName(context.Method);
        var activity = EgoTracing.StartServerSpan(name, parent);
        if (activity is null)
        {
            return null;
        }

        var http = context.GetHttpContext();
        if (http is not null)
        {
            http.Response.Headers[traceIdHeader] = activity.TraceId.ToHexString();
        }

        if (activity.IsAllDataRequested)
        {
            GrpcSpans.SetMethodTags(activity, name);
            var (host, port) = GrpcSpans.ParseTarget(context.Host);
            activity.SetTag("server.address", host);
            if (port is not null)
            {
                activity.SetTag("server.port", port);
            }

            if (http?.Connection.RemoteIpAddress is { } peer)
            {
                activity.SetTag("network.peer.address", peer.ToString());
                activity.SetTag("network.peer.port", http.Connection.RemotePort);
            }
        }

        return activity;
    }

    private static void Succeeded(Activity? activity, ServerCallContext context)
    {
        if (activity is not null)
        {
            GrpcSpans.SetStatus(activity, context.Status.StatusCode, context.Status.Detail);
        }
    }

    // An exception filter: the span records the failure while the handler's stack is still there.
    private static bool Failed(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            var (code, detail) = GrpcSpans.StatusOf(exception);
            GrpcSpans.SetStatus(activity, code, detail);
        }

        return false;
    }
}
