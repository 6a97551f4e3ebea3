using Google.Protobuf;
using Google.Protobuf.Compiler;

namespace Ego.Grpc.Generator;

/// <summary>
/// Writes the <see cref="CodeGeneratorResponse"/> and the edition range the plugin supports
/// (<c>minimum_edition</c> = 3, <c>maximum_edition</c> = 4), which protoc requires before it hands
/// <c>edition = "2023"</c> files to a plugin. The Google.Protobuf version in use predates those two
/// fields, so they are appended as raw varint fields; protobuf accepts fields in any order.
/// </summary>
internal static class ResponseWriter
{
    public const int MinimumEdition = 998; // EDITION_PROTO2

    public const int MaximumEdition = 1001; // EDITION_2024

    private const int MinimumEditionField = 3;
    private const int MaximumEditionField = 4;

    public static void Write(CodeGeneratorResponse response, Stream output)
    {
        var coded = new CodedOutputStream(output, leaveOpen: true);
        response.WriteTo(coded);
        if ((response.SupportedFeatures & (ulong)CodeGeneratorResponse.Types.Feature.SupportsEditions) != 0)
        {
            coded.WriteTag(MinimumEditionField, WireFormat.WireType.Varint);
            coded.WriteInt32(MinimumEdition);
            coded.WriteTag(MaximumEditionField, WireFormat.WireType.Varint);
            coded.WriteInt32(MaximumEdition);
        }

        coded.Flush();
        output.Flush();
    }
}
