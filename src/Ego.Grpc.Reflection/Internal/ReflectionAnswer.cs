using Google.Protobuf;

namespace Ego.Grpc.Reflection.Internal;

/// <summary>The answer to one reflection question, independent of the protocol version it is sent in.</summary>
internal readonly record struct ReflectionAnswer(
    IReadOnlyList<ByteString>? Files = null,
    IReadOnlyList<string>? Services = null,
    string? BaseTypeName = null,
    IReadOnlyList<int>? ExtensionNumbers = null,
    StatusCode ErrorCode = StatusCode.OK,
    string? ErrorMessage = null)
{
    public static ReflectionAnswer Error(StatusCode code, string message) => new(ErrorCode: code, ErrorMessage: message);
}
