namespace Ego.Logging.Internal;

/// <summary>Writes lines straight to a console stream, unbuffered so people see them at once.</summary>
internal sealed class StreamLogWriter(Stream stream) : ILogWriter
{
    public void Write(ReadOnlySpan<byte> line) => stream.Write(line);

    public void Flush() => stream.Flush();

    // The process owns the console streams; they stay open for other writers.
    public void Dispose() => stream.Flush();
}
