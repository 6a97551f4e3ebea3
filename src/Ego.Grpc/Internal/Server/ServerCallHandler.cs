using Microsoft.AspNetCore.Http;

namespace Ego.Grpc.Internal.Server;

/// <summary>Serves one method: sets the call up, runs the handler, and turns its outcome into a gRPC status.</summary>
internal abstract class ServerCallHandler(IMethod method, ServerCallRuntime runtime)
{
    public IMethod Method { get; } = method;

    protected ServerCallRuntime Runtime { get; } = runtime;

    // Not async: a call whose handler completes synchronously (and has no deadline timer to wait for) is served
    // without a state machine; anything else continues in HandleRemainderAsync.
    public Task HandleAsync(HttpContext http)
    {
        var call = new HttpServerCallContext(http, Method, Runtime);
        var previous = ServerCallContextAccessor.Current;
        Task handling;
        try
        {
            call.Initialize();
            ServerCallContextAccessor.Current = call;
            handling = call.CallCancellationToken.IsCancellationRequested && call.DeadlineExceeded
                ? Task.FromCanceled(call.CallCancellationToken)
                : HandleCallAsync(call);
        }
        catch (Exception exception)
        {
            handling = Task.FromException(exception);
        }
        finally
        {
            // Continuations of the handler captured the call with their context; this thread goes back to the caller's.
            ServerCallContextAccessor.Current = previous;
        }

        if (handling.IsCompletedSuccessfully && !call.HasDeadline)
        {
            var completing = call.CompleteAsync(call.Status, null);
            if (completing.IsCompletedSuccessfully)
            {
                call.Dispose();
                return Task.CompletedTask;
            }

            handling = completing;
        }

        return HandleRemainderAsync(call, handling);
    }

    private async Task HandleRemainderAsync(HttpServerCallContext call, Task handling)
    {
        try
        {
            // A call that failed already (a refusal under load) is answered without the cost of rethrowing its error.
            var failure = handling.IsFaulted ? handling.Exception.InnerException : null;
            if (failure is null)
            {
                try
                {
                    await handling.ConfigureAwait(false);
                    var status = call.DeadlineExceeded ? HttpServerCallContext.DeadlineStatus : call.Status;
                    await call.CompleteAsync(status, null).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            }

            await FailAsync(call, failure).ConfigureAwait(false);
        }
        finally
        {
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
