using Microsoft.AspNetCore.Http;

namespace Ego.Grpc.Internal.Server;

/// <summary>Serves one method: sets the call up, runs the handler, and turns its outcome into a gRPC status.</summary>
internal abstract class ServerCallHandler(IMethod method, ServerCallRuntime runtime)
{
    public IMethod Method { get; } = method;

    protected ServerCallRuntime Runtime { get; } = runtime;

    public async Task HandleAsync(HttpContext http)
    {
        var call = new HttpServerCallContext(http, Method, Runtime);
        try
        {
            call.Initialize();
            ServerCallContextAccessor.Current = call;
            if (call.CallCancellationToken.IsCancellationRequested && call.DeadlineExceeded)
            {
                throw new OperationCanceledException(call.CallCancellationToken);
            }

            await HandleCallAsync(call).ConfigureAwait(false);
            var status = call.DeadlineExceeded ? HttpServerCallContext.DeadlineStatus : call.Status;
            await call.CompleteAsync(status, null).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await FailAsync(call, exception).ConfigureAwait(false);
        }
        finally
        {
            // No reset of the current call: the async flow's context is restored when this method returns.
            await call.WhenDeadlineHandledAsync().ConfigureAwait(false);
            call.Dispose();
        }
    }

    protected abstract Task HandleCallAsync(HttpServerCallContext call);

    private async Task FailAsync(HttpServerCallContext call, Exception exception)
    {
        if (call.ClientGone)
        {
            GrpcServerLog.CallCancelledByClient(Runtime.Logger, Method.FullName);
            return;
        }

        if (call.Completed)
        {
            // The deadline already answered the call, or its status was being written when this failed.
            return;
        }

        Status status;
        Metadata? trailers = null;
        if (call.DeadlineExceeded)
        {
            status = HttpServerCallContext.DeadlineStatus;
            GrpcServerLog.DeadlineExceeded(Runtime.Logger, Method.FullName);
        }
        else if (exception is RpcException rpc)
        {
            status = rpc.Status;
            trailers = rpc.Trailers;
        }
        else if (exception is Errors.EgoError error)
        {
            status = error.ToStatus();
            trailers = error.ToTrailers();
        }
        else
        {
            status = new Status(StatusCode.Internal, "Exception was thrown by handler.");
            GrpcServerLog.HandlerFailed(Runtime.Logger, Method.FullName, exception);
        }

        try
        {
            await call.CompleteAsync(status, trailers).ConfigureAwait(false);
        }
        catch (Exception writeError) when (writeError is IOException or InvalidOperationException or OperationCanceledException)
        {
            GrpcServerLog.StatusNotSent(Runtime.Logger, Method.FullName, writeError);
        }
    }
}
