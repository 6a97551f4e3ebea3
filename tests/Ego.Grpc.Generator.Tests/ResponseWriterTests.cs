using Google.Protobuf;
using Google.Protobuf.Compiler;

namespace Ego.Grpc.Generator.Tests;

public sealed class ResponseWriterTests
{
    [Fact]
    public void Write_EditionsSupported_AppendsEditionRangeAfterResponse()
    {
        var response = new CodeGeneratorResponse { SupportedFeatures = (ulong)CodeGeneratorResponse.Types.Feature.SupportsEditions };
        response.File.Add(new CodeGeneratorResponse.Types.File { Name = "AGrpc.cs", Content = "x" });

        var fields = ReadVarintFields(Write(response));

        Assert.Equal(998UL, fields[3]);
        Assert.Equal(1001UL, fields[4]);
        Assert.Equal((ulong)CodeGeneratorResponse.Types.Feature.SupportsEditions, fields[2]);
    }

    [Fact]
    public void Write_EditionsNotSupported_WritesOnlyTheResponse()
    {
        var response = new CodeGeneratorResponse { Error = "bad" };

        var bytes = Write(response);

        Assert.Equal(response.ToByteArray(), bytes);
    }

    [Fact]
    public void Write_Output_ParsesBackAsTheSameFiles()
    {
        var response = new CodeGeneratorResponse { SupportedFeatures = (ulong)CodeGeneratorResponse.Types.Feature.SupportsEditions };
        response.File.Add(new CodeGeneratorResponse.Types.File { Name = "AGrpc.cs", Content = "class A {}" });

        var parsed = CodeGeneratorResponse.Parser.ParseFrom(Write(response));

        Assert.Equal(("AGrpc.cs", "class A {}"), (parsed.File[0].Name, parsed.File[0].Content));
    }

    private static byte[] Write(CodeGeneratorResponse response)
    {
        using var output = new MemoryStream();
        ResponseWriter.Write(response, output);
        return output.ToArray();
    }

    private static Dictionary<int, ulong> ReadVarintFields(byte[] bytes)
    {
        var fields = new Dictionary<int, ulong>();
        var input = new CodedInputStream(bytes);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                fields[WireFormat.GetTagFieldNumber(tag)] = input.ReadUInt64();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return fields;
    }
}
