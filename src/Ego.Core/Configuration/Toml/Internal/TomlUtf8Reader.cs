using System.Buffers;
using System.Text.Unicode;

namespace Ego.Configuration.Toml.Internal;

/// <summary>Decodes a UTF-8 stream strictly into pooled memory, reporting where invalid bytes start.</summary>
internal static class TomlUtf8Reader
{
    public static TomlTable Parse(Stream stream, string? source)
    {
        var bytes = ReadAll(stream, out var length);
        char[]? chars = null;
        try
        {
            // A byte order mark decodes to U+FEFF, which the parser skips once at the start.
            var data = bytes.AsSpan(0, length);

            chars = ArrayPool<char>.Shared.Rent(Math.Max(data.Length, 1));
            var status = Utf8.ToUtf16(data, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw InvalidUtf8(chars.AsSpan(0, written), data[read], read, source);
            }

            return TomlDocumentParser.Parse(chars.AsSpan(0, written), source);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            if (chars is not null)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    private static byte[] ReadAll(Stream stream, out int length)
    {
        var size = 4096;
        if (stream.CanSeek)
        {
            size = (int)Math.Clamp(stream.Length - stream.Position + 1, 1, Array.MaxLength);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        length = 0;
        int n;
        while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += n;
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
        }

        return buffer;
    }

    private static TomlParseException InvalidUtf8(ReadOnlySpan<char> decoded, byte bad, int byteOffset, string? source)
    {
        var line = 1 + decoded.Count('\n');
        var column = decoded.Length - (decoded.LastIndexOf('\n') + 1) + 1;
        return new TomlParseException(
            $"invalid UTF-8: byte 0x{bad:X2} at byte offset {byteOffset} does not start a valid sequence (expected a UTF-8 encoded document)",
            line, column, source);
    }
}
