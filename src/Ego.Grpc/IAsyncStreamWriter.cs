namespace Ego.Grpc;

/// <summary>Writes a stream of messages; one write at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Options of the following writes; null for the call's defaults.</summary>
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message);

    Task WriteAsync(T message, CancellationToken cancellationToken);
}
