namespace Ego.Grpc.Interop;

/// <summary>An interop case did not get what the specification expects.</summary>
internal sealed class InteropFailure(string message) : Exception(message);
