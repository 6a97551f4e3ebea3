namespace Ego.Grpc.Compression;

/// <summary>A message compression named by its <c>grpc-encoding</c> value.</summary>
public interface ICompressionProvider
{
    /// <summary>The <c>grpc-encoding</c> name, e.g. <c>gzip</c>.</summary>
    string EncodingName { get; }

    /// <summary>A stream that compresses into <paramref name="output"/>; disposing it flushes.</summary>
    Stream CreateCompressionStream(Stream output);

    /// <summary>A stream that reads decompressed bytes from <paramref name="input"/>.</summary>
    Stream CreateDecompressionStream(Stream input);
}
