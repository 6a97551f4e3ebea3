namespace Ego.Grpc.Internal;

/// <summary>Names and constants of gRPC over HTTP/2 (PROTOCOL-HTTP2.md).</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusDetailsHeader = "grpc-status-details-bin";

    /// <summary>A header that picks the request compression of a client call; never sent.</summary>
    public const string InternalEncodingRequestHeader = "grpc-internal-encoding-request";
    public const string UserAgent = "grpc-dotnet-ego/0.1";
    public const string Identity = "identity";

    /// <summary>The length-prefixed message header: compressed flag (1 byte) + big-endian length (4 bytes).</summary>
    public const int HeaderSize = 5;

    /// <summary>grpc-go's default maximum received message size.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>grpc-go's default maximum sent message size.</summary>
    public const int DefaultMaxSendMessageSize = int.MaxValue;

    /// <summary>Cached status code strings, so writing <c>grpc-status</c> does not allocate.</summary>
    private static readonly string[] StatusStrings = [.. Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static string ToWire(StatusCode code)
        => (uint)code < (uint)StatusStrings.Length ? StatusStrings[(int)code] : ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for <c>application/grpc</c> and its <c>+proto</c>/<c>;params</c> forms.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';';
    }

    /// <summary>The status of an HTTP response that is not a gRPC one (http-grpc-status-mapping.md).</summary>
    public static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
