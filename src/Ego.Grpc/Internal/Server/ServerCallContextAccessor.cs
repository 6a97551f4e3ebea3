namespace Ego.Grpc.Internal.Server;

/// <summary>
/// The call being served on the current async flow. Client calls made while serving consult it to
/// propagate the deadline and the cancellation of the incoming call.
/// </summary>
internal static class ServerCallContextAccessor
{
    private static readonly AsyncLocal<ServerCallContext?> CurrentCall = new();

    public static ServerCallContext? Current
    {
        get => CurrentCall.Value;
        set => CurrentCall.Value = value;
    }
}
