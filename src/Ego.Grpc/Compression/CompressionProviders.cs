using System.Collections.Frozen;

namespace Ego.Grpc.Compression;

/// <summary>The encodings this runtime speaks: identity, gzip and deflate.</summary>
public static class CompressionProviders
{
    private static readonly FrozenDictionary<string, ICompressionProvider> Providers = new ICompressionProvider[]
    {
        new GzipCompressionProvider(),
        new DeflateCompressionProvider(),
    }.ToFrozenDictionary(p => p.EncodingName, StringComparer.Ordinal);

    /// <summary>The <c>grpc-accept-encoding</c> value announcing them.</summary>
    public const string AcceptEncoding = "identity,gzip,deflate";

    /// <summary>The provider of <paramref name="encodingName"/>, or null for unknown names and identity.</summary>
    public static ICompressionProvider? Find(string? encodingName)
        => encodingName is null ? null : Providers.GetValueOrDefault(encodingName);

    /// <summary>True for identity and every known encoding.</summary>
    public static bool IsSupported(string? encodingName)
        => string.IsNullOrEmpty(encodingName) || encodingName == "identity" || Providers.ContainsKey(encodingName);
}
