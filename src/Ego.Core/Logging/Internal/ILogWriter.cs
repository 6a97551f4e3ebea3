namespace Ego.Logging.Internal;

/// <summary>A destination for encoded lines. Calls are serialised by the owning <see cref="LogSink"/>.</summary>
internal interface ILogWriter : IDisposable
{
    void Write(ReadOnlySpan<byte> line);

    void Flush();
}
