namespace Ego.Grpc;

/// <summary>Writes the response stream of a server handler.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
