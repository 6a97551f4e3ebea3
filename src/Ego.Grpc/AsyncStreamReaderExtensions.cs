using System.Runtime.CompilerServices;

namespace Ego.Grpc;

/// <summary>Extensions of <see cref="IAsyncStreamReader{T}"/>.</summary>
public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads every message with <c>await foreach</c>.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> streamReader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        while (await streamReader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return streamReader.Current;
        }
    }

    /// <summary>Reads the next message; false at the end of the stream.</summary>
    public static Task<bool> MoveNext<T>(this IAsyncStreamReader<T> streamReader) => streamReader.MoveNext(CancellationToken.None);
}
