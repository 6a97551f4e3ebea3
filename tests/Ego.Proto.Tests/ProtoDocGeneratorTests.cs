using System.Xml;
using System.Xml.Linq;
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

    [Fact]
    public void GenerateHtml_RpcRequestAndResponse_HaveNameTypeDescriptionTables()
    {
        var rpc = ById(OssHtml(), "t-infra.oss.v1.Oss.ListObjects");

        Assert.Equal("rpc ListObjects(ListObjectsRequest) returns (ListObjectsResponse)", rpc.Elements("pre").Single().Value);
        var tables = rpc.Elements("table").ToList();
        Assert.Equal(["Name", "Type", "Description"], Headers(tables[0]));
        Assert.Equal(
            [["prefix", "string", "The prefix keys must start with."], ["marker", "string", "Marker to continue from."],
             ["max_keys", "int32", "At most this many keys."], ["delimiter", "string", "Delimiter of key paths."]],
            Rows(tables[0]));
        Assert.Equal([["keys", "repeated string", "Keys that matched."]], Rows(tables[1]));
    }

    [Fact]
    public void GenerateHtml_Messages_HaveNumberedFieldTablesAndTypeLinks()
    {
        var doc = OssHtml();
        var evt = ById(doc, "t-infra.oss.v1.ObjectEvent");

        Assert.Equal([["key", "1", "string", "The changed key."], ["kind", "2", "ObjectEvent.Kind", "What happened."]], Rows(evt.Element("table")!));
        Assert.Equal("#t-infra.oss.v1.ObjectEvent.Kind", evt.Descendants("a").Single().Attribute("href")!.Value);
        Assert.Equal([["KIND_UNSPECIFIED", "0", "Unknown."], ["KIND_PUT", "1", "Created or replaced."]], Rows(ById(doc, "t-infra.oss.v1.ObjectEvent.Kind").Element("table")!));
    }

    [Fact]
    public void GenerateHtml_ErrorEnum_ListsGrpcHttpAndBusinessCodes()
    {
        var errors = ById(OssHtml(), "errors").Element("table")!;

        Assert.Equal(["Reason", "gRPC code", "HTTP status", "Business code", "Description"], Headers(errors));
        Assert.Equal(
            [["infra.oss.v1.OSS_ERR_UNSPECIFIED", "UNKNOWN 2", "500", "", "Unknown error."],
             ["infra.oss.v1.OSS_ERR_BUCKET_NOT_FOUND", "NOT_FOUND 5", "404", "1010020001", "The bucket does not exist."],
             ["infra.oss.v1.OSS_ERR_KEY_TOO_LONG", "INVALID_ARGUMENT 3", "400", "1010020002", "The key is <script>alert(1)</script> too long."],
             ["infra.oss.v1.OSS_ERR_QUOTA", "RESOURCE_EXHAUSTED 8", "503", "", ""]],
            Rows(errors));
    }

    [Fact]
    public void GenerateHtml_Page_IsSelfContainedAndEscaped()
    {
        var file = ProtoParser.Parse(Samples.Read("oss.proto"), "infra/oss/v1/oss.proto");
        var html = Assert.Single(ProtoDocGenerator.GenerateHtml([file])).Value;
        var doc = Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Watch streams changes of &lt;keys&gt; &amp; more.", html, StringComparison.Ordinal);
        Assert.Single(doc.Descendants("style"));
        Assert.Empty(doc.Descendants("link"));
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName is "src" || a.Value.Contains("://", StringComparison.Ordinal));
        Assert.Equal("rpc Watch(ListObjectsRequest) returns (stream ObjectEvent)", ById(doc, "t-infra.oss.v1.Oss.Watch").Element("pre")!.Value);
    }

    [Fact]
    public void GenerateHtml_TypeOfOtherPackage_LinksToItsPage()
    {
        var common = ProtoParser.Parse("syntax = \"proto3\";\npackage common.v1;\nmessage Money { int64 cents = 1; }", "common.proto");
        var shop = ProtoParser.Parse("syntax = \"proto3\";\npackage shop.v1;\nimport \"common.proto\";\nmessage Price { common.v1.Money amount = 1; }", "shop.proto");

        var pages = ProtoDocGenerator.GenerateHtml([shop, common]);

        Assert.Equal(["common.v1", "shop.v1"], pages.Keys);
        var link = ById(Parse(pages["shop.v1"]), "t-shop.v1.Price").Descendants("a").Single();
        Assert.Equal(("common.v1.html#t-common.v1.Money", "common.v1.Money"), (link.Attribute("href")!.Value, link.Value));
    }

    [Fact]
    public void Generate_ErrorEnum_MarkdownHasErrorCodeTable()
    {
        var file = ProtoParser.Parse(Samples.Read("oss.proto"), "infra/oss/v1/oss.proto");

        var page = Assert.Single(ProtoDocGenerator.Generate([file])).Value;

        Assert.Contains("## Error codes\n\n| Reason | gRPC code | HTTP status | Business code | Description |\n| --- | --- | --- | --- | --- |\n"
            + "| `infra.oss.v1.OSS_ERR_UNSPECIFIED` | `UNKNOWN` 2 | 500 |  | Unknown error. |\n"
            + "| `infra.oss.v1.OSS_ERR_BUCKET_NOT_FOUND` | `NOT_FOUND` 5 | 404 | 1010020001 | The bucket does not exist. |\n", page, StringComparison.Ordinal);
    }

    private static XDocument OssHtml()
    {
        var file = ProtoParser.Parse(Samples.Read("oss.proto"), "infra/oss/v1/oss.proto");
        return Parse(Assert.Single(ProtoDocGenerator.GenerateHtml([file])).Value);
    }

    // The pages are well-formed XML as well as HTML, so the tests read their structure instead of matching text.
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static XElement ById(XDocument doc, string id) => doc.Descendants().Single(e => (string?)e.Attribute("id") == id);

    private static string[] Headers(XElement table) => [.. table.Element("thead")!.Descendants("th").Select(th => th.Value)];

    private static string[][] Rows(XElement table) => [.. table.Element("tbody")!.Elements("tr").Select(tr => tr.Elements("td").Select(td => td.Value).ToArray())];
}
