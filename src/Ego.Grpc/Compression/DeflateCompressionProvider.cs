using System.IO.Compression;

namespace Ego.Grpc.Compression;

/// <summary>The <c>deflate</c> encoding, which gRPC defines as the zlib format (RFC 1950).</summary>
public sealed class DeflateCompressionProvider(CompressionLevel level = CompressionLevel.Fastest) : ICompressionProvider
{
    public string EncodingName => "deflate";

    public Stream CreateCompressionStream(Stream output) => new ZLibStream(output, level, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream input) => new ZLibStream(input, CompressionMode.Decompress, leaveOpen: true);
}
