using Microsoft.Extensions.Logging;

namespace Ego.Grpc.Internal.Server;

internal static partial class GrpcServerLog
{
    [LoggerMessage(1, LogLevel.Information, "gRPC server {Name} listening on {Addresses}")]
    public static partial void Started(ILogger logger, string name, string addresses);

    [LoggerMessage(2, LogLevel.Information, "gRPC server {Name} stopped")]
    public static partial void Stopped(ILogger logger, string name);

    [LoggerMessage(3, LogLevel.Error, "gRPC handler of {Method} threw; the call ends with INTERNAL")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} was cancelled by the client")]
    public static partial void CallCancelledByClient(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Debug, "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Debug, "gRPC call {Method}: the status could not be sent")]
    public static partial void StatusNotSent(ILogger logger, string method, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "gRPC request rejected: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);

    [LoggerMessage(12, LogLevel.Information, "gRPC server {Name} stopping: new calls get UNAVAILABLE, in-flight calls finish")]
    public static partial void Stopping(ILogger logger, string name);
}
