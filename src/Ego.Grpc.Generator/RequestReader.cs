using Google.Protobuf;
using Google.Protobuf.Compiler;

namespace Ego.Grpc.Generator;

/// <summary>Reads the <see cref="CodeGeneratorRequest"/> protoc writes to the plugin's stdin.</summary>
internal static class RequestReader
{
    public static CodeGeneratorRequest Read(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            throw new GeneratorException(
                "stdin is empty: protoc-gen-ego is a protoc plugin and expects a CodeGeneratorRequest from protoc " +
                "(run protoc --plugin=protoc-gen-ego=<path> --ego_out=<dir> file.proto).");
        }

        try
        {
            return CodeGeneratorRequest.Parser.ParseFrom(buffer.ToArray());
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new GeneratorException($"stdin is not a valid CodeGeneratorRequest ({buffer.Length} bytes): {ex.Message}");
        }
    }
}
