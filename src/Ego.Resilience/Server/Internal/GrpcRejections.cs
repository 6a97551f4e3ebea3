using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Grpc.Rpc;
using Ego.Observability;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ego.Resilience.Server.Internal;

/// <summary>
/// The errors of refused calls: RESOURCE_EXHAUSTED (limited) or UNAVAILABLE (shed), with the retry hint as a
/// google.rpc.RetryInfo detail in <c>grpc-status-details-bin</c>, next to an ErrorInfo naming the reason.
/// </summary>
internal static class GrpcRejections
{
    public const string Domain = "ego.resilience";

    public static RpcException Create(ServerCallContext context, in Rejection rejection)
    {
        context.UserState[AccessEvent.StateKey] = rejection.Event;
        var code = rejection.Event == AccessEvent.Shed ? Grpc.StatusCode.Unavailable : Grpc.StatusCode.ResourceExhausted;
        var status = new Grpc.Rpc.Status { Code = (int)code, Message = rejection.Detail };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = rejection.Reason.ToUpperInvariant(), Domain = Domain }));
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(rejection.RetryAfter) }));
        var trailers = new Metadata { { EgoError.StatusDetailsKey, status.ToByteArray() } };
        return new RpcException(new Grpc.Status(code, rejection.Detail), trailers, rejection.Detail);
    }

    /// <summary>The retry hint of a refused call's trailers, or <c>null</c>.</summary>
    public static TimeSpan? RetryAfter(Metadata? trailers)
    {
        if (trailers?.GetValueBytes(EgoError.StatusDetailsKey) is not { } bytes)
        {
            return null;
        }

        foreach (var detail in Grpc.Rpc.Status.Parser.ParseFrom(bytes).Details)
        {
            if (detail.TryUnpack<RetryInfo>(out var retry))
            {
                return retry.RetryDelay.ToTimeSpan();
            }
        }

        return null;
    }
}
