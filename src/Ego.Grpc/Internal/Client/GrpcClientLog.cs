using Microsoft.Extensions.Logging;

namespace Ego.Grpc.Internal.Client;

internal static partial class GrpcClientLog
{
    [LoggerMessage(101, LogLevel.Debug, "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(102, LogLevel.Debug, "gRPC call {Method} waiting for ready: connection attempt failed, retrying in {Delay}")]
    public static partial void WaitingForReady(ILogger logger, string method, TimeSpan delay, Exception exception);

    [LoggerMessage(103, LogLevel.Error, "dial grpc server failed: {Name} addr {Address}: {Reason}; calls will retry connecting")]
    public static partial void DialFailed(ILogger logger, string name, string address, string reason);
}
