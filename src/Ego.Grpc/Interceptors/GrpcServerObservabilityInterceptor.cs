using System.Diagnostics;
using Ego.Grpc.Interceptors.Internal;
using Ego.Grpc.Internal;
using Ego.Observability;

namespace Ego.Grpc.Interceptors;

/// <summary>
/// The server's access log and <c>ego_server_*</c> metrics for every call, and the extra keys of the request made
/// available to the handler (<see cref="CallExtras"/>). Added first by <see cref="GrpcServerBuilder.Build"/>.
/// </summary>
public sealed class GrpcServerObservabilityInterceptor : Interceptor
{
    private const string HealthCheck = "/grpc.health.v1.Health/Check";

    private readonly AccessLogger access;
    private readonly bool metrics;
    private readonly bool skipHealthLog;

    /// <param name="access">Where access and debug lines go.</param>
    /// <param name="enableMetrics">Records the <c>ego_server_*</c> metrics.</param>
    /// <param name="skipHealthLog">Leaves health checks (<c>/grpc.health.v1.Health/Check</c>) out of the access log.</param>
    public GrpcServerObservabilityInterceptor(AccessLogger access, bool enableMetrics = true, bool skipHealthLog = true)
    {
        this.access = access ?? throw new ArgumentNullException(nameof(access));
        metrics = enableMetrics;
        this.skipHealthLog = skipHealthLog;
    }

    // Not async: a handler that completes synchronously is observed without a state machine or a second task.
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context, CallMetricTypes.Unary);
        Task<TResponse> handling;
        try
        {
            handling = continuation(request, context);
        }
        catch (Exception exception)
        {
            End(context, call, continuation, request, null, exception);
            throw;
        }

        if (handling.IsFaulted && handling.Exception.InnerException is { } failure)
        {
            // Already failed (a refusal): observed without rethrowing, the caller gets the same task.
            End(context, call, continuation, request, null, failure);
            return handling;
        }

        if (!handling.IsCompletedSuccessfully)
        {
            return EndUnaryAsync(handling, call, context, continuation, request);
        }

        End(context, call, continuation, request, handling.Result, null);
        return handling;
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context, CallMetricTypes.Stream);
        try
        {
            var response = await continuation(requestStream, context).ConfigureAwait(false);
            End(context, call, continuation, null, response, null);
            return response;
        }
        catch (Exception exception)
        {
            End(context, call, continuation, null, null, exception);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context, CallMetricTypes.Stream);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            End(context, call, continuation, request, null, null);
        }
        catch (Exception exception)
        {
            End(context, call, continuation, request, null, exception);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context, CallMetricTypes.Stream);
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            End(context, call, continuation, null, null, null);
        }
        catch (Exception exception)
        {
            End(context, call, continuation, null, null, exception);
            throw;
        }
    }

    private async Task<TResponse> EndUnaryAsync<TRequest, TResponse>(Task<TResponse> handling, CallStart call, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        try
        {
            var response = await handling.ConfigureAwait(false);
            End(context, call, continuation, request, response, null);
            return response;
        }
        catch (Exception exception)
        {
            End(context, call, continuation, request, null, exception);
            throw;
        }
    }

    private CallStart Begin(ServerCallContext context, string type)
    {
        var peerName = ServerCallHeaders.Get(context, GrpcMetadataKeys.App) ?? "";
        var extras = ReadExtras(context);
        if (extras is not null)
        {
            // Flows into the handler's async calls; set on the server's call flow, which ends with the call.
            CallExtras.Set(extras);
        }
        if (metrics)
        {
            EgoCallMetrics.ServerCallStarted(type, context.Method, peerName, MethodNames.Service(context.Method));
        }

        return new CallStart(type, peerName, extras, Stopwatch.GetTimestamp());
    }

    private void End(ServerCallContext context, in CallStart call, Delegate continuation, object? request, object? response, Exception? exception)
    {
        var cost = Stopwatch.GetElapsedTime(call.Timestamp);
        var unexpected = false;
        var status = exception is null ? context.Status : GrpcCodes.FromException(exception, context, out unexpected);
        if (metrics)
        {
            EgoCallMetrics.ServerCallHandled(call.Type, context.Method, call.PeerName, GrpcCodes.Name(status.StatusCode),
                GrpcCodes.ToHttpText(status.StatusCode), MethodNames.Service(context.Method), cost);
        }

        var failed = status.StatusCode != StatusCode.OK;
        if (skipHealthLog && !failed && context.Method == HealthCheck)
        {
            return;
        }

        if (!access.ShouldWrite(cost, GrpcCodes.ToHttp(status.StatusCode), failed, unexpected))
        {
            return;
        }

        EnsureAddress(context);
        access.Write(new AccessRecord
        {
            Method = context.Method,
            Cost = cost,
            Code = (int)status.StatusCode,
            UniformCode = GrpcCodes.ToHttp(status.StatusCode),
            Error = failed && !unexpected ? GrpcCodes.ErrorText(status) : null,
            Panic = unexpected ? exception : null,
            PeerIp = PeerIp(context),
            PeerName = call.PeerName,
            Request = access.WantsRequest ? request : null,
            Response = access.WantsResponse ? response : null,
            Extras = call.Extras,
            Caller = Caller(continuation, exception),
            Event = failed && context.UserState.TryGetValue(AccessEvent.StateKey, out var refused) ? refused as string : null,
        });
    }

    private string? Caller(Delegate continuation, Exception? exception)
    {
        if (!access.Settings.Debug)
        {
            return null;
        }

        if (exception is not null && access.FindCaller(exception) is { } thrower)
        {
            return thrower;
        }

        return HandlerLocator.Find(continuation) is { } handler ? access.FindCaller(handler) : null;
    }

    private KeyValuePair<string, string>[]? ReadExtras(ServerCallContext context)
    {
        var keys = access.Settings.ExtraKeys;
        if (keys.Count == 0)
        {
            return null;
        }

        List<KeyValuePair<string, string>>? values = null;
        foreach (var key in keys)
        {
            if (ServerCallHeaders.Get(context, key) is { } value)
            {
                (values ??= new(keys.Count)).Add(new(key, value));
            }
        }

        return values?.ToArray();
    }

    private void EnsureAddress(ServerCallContext context)
    {
        if (access.Settings.Address.Length == 0 && context.GetHttpContext()?.Connection is { LocalIpAddress: { } ip } connection)
        {
            access.Settings.Address = ip + ":" + connection.LocalPort;
        }
    }

    private static string PeerIp(ServerCallContext context) =>
        ServerCallHeaders.Get(context, GrpcMetadataKeys.ClientIp)
        ?? context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString()
        ?? "";

    private readonly record struct CallStart(string Type, string PeerName, KeyValuePair<string, string>[]? Extras, long Timestamp);
}
