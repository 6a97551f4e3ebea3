using Ego.Proto.Doc;
using Ego.Proto.Syntax;
using Ego.Proto.Tests.Support;

namespace Ego.Proto.Tests;

public sealed class ProtoDocGeneratorTests
{
    private static string GreeterPage()
    {
        var file = ProtoParser.Parse(Samples.Read("greeter.proto"), "greeter.proto");
        return Assert.Single(ProtoDocGenerator.Generate([file])).Value;
    }

    [Fact]
    public void Generate_Service_ListsRpcsWithSignatureAndComment()
    {
        var page = GreeterPage();

        Assert.StartsWith("# Package `ego.greeter.v1`\n", page, StringComparison.Ordinal);
        Assert.Contains("\n## Service Greeter\n\nGreeter says hello.\n", page, StringComparison.Ordinal);
        Assert.Contains("`SayHellos(stream HelloRequest) returns (stream HelloReply)`\n\nSayHellos streams greetings.\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_RpcRequest_HasFieldTable()
    {
        var page = GreeterPage();

        Assert.Contains("**Request** `HelloRequest`\n\n| Field | Number | Type | Description |\n| --- | --- | --- | --- |\n"
            + "| `name` | 1 | `string` | Name of the person. |\n"
            + "| `labels` | 2 | `map<string, string>` | Labels attached to the request. |\n", page, StringComparison.Ordinal);
        Assert.Contains("| `text` | 4 | `string` | (oneof `greeting`) Plain text. |\n", page, StringComparison.Ordinal);
        Assert.Contains("| `mood` | 3 | `HelloReply.Mood` | Mood of the reply. |\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Enum_HasValueTable()
    {
        var page = GreeterPage();

        Assert.Contains("### HelloReply.Mood\n\nMood says how the greeter feels.\n\n| Name | Number | Description |\n| --- | --- | --- |\n"
            + "| `MOOD_UNSPECIFIED` | 0 | Unknown. |\n| `MOOD_HAPPY` | 1 | Happy. |\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TwoPackages_OnePagePerPackage()
    {
        var a = ProtoParser.Parse("syntax = \"proto3\";\npackage a.v1;\n// Pipe | inside.\nmessage M { int32 x = 1; }", "a.proto");
        var b = ProtoParser.Parse("syntax = \"proto3\";\npackage b.v1;\nmessage N {}", "b.proto");

        var pages = ProtoDocGenerator.Generate([b, a]);

        Assert.Equal(["a.v1", "b.v1"], pages.Keys);
        Assert.Contains("Pipe | inside.", pages["a.v1"], StringComparison.Ordinal);
        Assert.Contains("### N\n\nNo fields.\n", pages["b.v1"], StringComparison.Ordinal);
    }
}
