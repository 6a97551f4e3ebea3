namespace Ego.Observability.Internal;

/// <summary>Writes through to the response body and keeps a copy of the first bytes for the access log's <c>res</c>.</summary>
internal sealed class CappedCopyStream(Stream inner, int capacity) : Stream
{
    private readonly MemoryStream copy = new();

    public Stream Inner => inner;

    public string Text() => System.Text.Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        // One byte over the cap is kept so that truncation still shows "...".
        var room = capacity + 1 - (int)copy.Length;
        if (room > 0)
        {
            copy.Write(bytes[..Math.Min(room, bytes.Length)]);
        }
    }
}
