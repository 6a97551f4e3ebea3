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
            var status = call.DeadlineExceeded ? DeadlineStatus : call.Status;
            await call.CompleteAsync(status, null).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await FailAsync(call, exception).ConfigureAwait(false);
        }
        finally
        {
            ServerCallContextAccessor.Current = null;
            call.Dispose();
        }
    }

    protected abstract Task HandleCallAsync(HttpServerCallContext call);

    private static readonly Status DeadlineStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    private async Task FailAsync(HttpServerCallContext call, Exception exception)
    {
        if (call.ClientGone)
        {
            GrpcServerLog.CallCancelledByClient(Runtime.Logger, Method.FullName);
            return;
        }

        Status status;
        Metadata? trailers = null;
        if (call.DeadlineExceeded)
        {
            status = DeadlineStatus;
            GrpcServerLog.DeadlineExceeded(Runtime.Logger, Method.FullName);
        }
        else if (exception is RpcException rpc)
        {
            status = rpc.Status;
            trailers = rpc.Trailers;
        }
        else
        {
            status = new Status(StatusCode.Internal, "Exception was thrown by handler.");
            GrpcServerLog.HandlerFailed(Runtime.Logger, Method.FullName, exception);
        }

        if (call.Completed)
        {
            return;
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
