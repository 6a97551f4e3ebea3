namespace Ego.Cli.Tests;

public sealed class ProtoCommandTests : IDisposable
{
    private readonly ProtoFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Lint_StyleViolations_ReportsFileLineColumnRuleAndExits1()
    {
        var path = files.Write("shop/order/v1/order.proto", ProtoFiles.Good.Replace("int64 amount = 2;", "int64 Amount = 2;").Replace("message Order {", "message order {"));

        var (code, output, _) = await Egoctl.RunAsync("proto", "lint", "--root", files.Root, path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:18:9 MESSAGE_PASCAL_CASE message name \"order\" should be PascalCase", output);
        Assert.Contains($"{path}:22:9 FIELD_LOWER_SNAKE_CASE field name \"Amount\" should be lower_snake_case", output);
    }

    [Fact]
    public async Task Lint_CleanFile_Exits0WithoutOutput()
    {
        var path = files.Write("shop/order/v1/order.proto", ProtoFiles.Good);

        var (code, output, error) = await Egoctl.RunAsync("proto", "lint", "--root", files.Root, path);

        Assert.Equal("", output + error);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Lint_MissingPath_Exits2NamingIt()
    {
        var (code, _, error) = await Egoctl.RunAsync("proto", "lint", Path.Combine(files.Root, "nowhere"));

        Assert.Equal(2, code);
        Assert.Contains("nowhere: no such file or directory", error);
    }

    [Fact]
    public async Task Lint_BadConfig_Exits2NamingTheFile()
    {
        var path = files.Write("shop/order/v1/order.proto", ProtoFiles.Good);
        var config = files.Write("lint.yaml", "disable: [NOT_A_RULE]\n");

        var (code, _, error) = await Egoctl.RunAsync("proto", "lint", "--config", config, path);

        Assert.Equal(2, code);
        Assert.Contains("lint.yaml", error);
        Assert.Contains("NOT_A_RULE", error);
    }

    [Fact]
    public async Task Lint_SyntaxError_Exits2WithLocation()
    {
        var path = files.Write("bad.proto", "syntax = \"proto3\";\nmessage A { int32 a = ; }\n");

        var (code, _, error) = await Egoctl.RunAsync("proto", "lint", path);

        Assert.Equal(2, code);
        Assert.Contains("bad.proto:2:", error);
    }

    [Fact]
    public async Task Format_CheckThenWrite_FixesTheFile()
    {
        var path = files.Write("order.proto", ProtoFiles.Good.Replace("  rpc GetOrder", "\trpc   GetOrder"));

        var before = await Egoctl.RunAsync("proto", "format", "--check", path);
        var write = await Egoctl.RunAsync("proto", "format", "-w", path);
        var after = await Egoctl.RunAsync("proto", "format", "--check", path);

        Assert.Equal(1, before.Code);
        Assert.Contains("order.proto", before.Output);
        Assert.Equal(0, write.Code);
        Assert.Equal(0, after.Code);
        Assert.Contains("  rpc GetOrder(GetOrderRequest) returns (Order);", File.ReadAllText(path));
    }

    [Fact]
    public async Task Breaking_FieldRemovedAgainstDirectory_ReportedWithLocation()
    {
        var before = files.Write("before/order.proto", ProtoFiles.Good);
        var after = files.Write("after/order.proto", ProtoFiles.Good.Replace("  // The amount in cents.\n  int64 amount = 2;\n", ""));

        var (code, output, _) = await Egoctl.RunAsync("proto", "breaking", Path.GetDirectoryName(after)!, "--against", Path.GetDirectoryName(before)!);

        Assert.Equal(1, code);
        Assert.Contains("FIELD_REMOVED", output);
        Assert.Contains("amount", output);
    }

    [Fact]
    public async Task Breaking_CompatibleChange_Exits0()
    {
        var before = files.Write("before/order.proto", ProtoFiles.Good);
        var after = files.Write("after/order.proto", ProtoFiles.Good.Replace("  int64 amount = 2;\n", "  int64 amount = 2;\n  // The currency.\n  string currency = 3;\n"));

        var (code, output, _) = await Egoctl.RunAsync("proto", "breaking", Path.GetDirectoryName(after)!, "--against", Path.GetDirectoryName(before)!);

        Assert.Equal("", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Doc_Package_WritesMarkdownWithFieldTables()
    {
        var path = files.Write("order.proto", ProtoFiles.Good);
        var outDirectory = Path.Combine(files.Root, "api");

        var (code, _, _) = await Egoctl.RunAsync("proto", "doc", path, "--out", outDirectory);

        Assert.Equal(0, code);
        var markdown = File.ReadAllText(Path.Combine(outDirectory, "shop.order.v1.md"));
        Assert.Contains("GetOrder", markdown);
        Assert.Contains("The amount in cents.", markdown);
    }

    [Fact]
    public async Task Doc_FormatHtml_WritesSelfContainedPageWithFieldTables()
    {
        var path = files.Write("order.proto", ProtoFiles.Good);
        var outDirectory = Path.Combine(files.Root, "html");

        var (code, output, _) = await Egoctl.RunAsync("proto", "doc", path, "--format", "html", "--out", outDirectory);

        Assert.Equal(0, code);
        var page = Path.Combine(outDirectory, "shop.order.v1.html");
        Assert.Equal(page, output.Trim());
        var html = File.ReadAllText(page);
        Assert.Contains("<h4 class=\"request\">Request <a href=\"#t-shop.order.v1.GetOrderRequest\"><code>GetOrderRequest</code></a></h4>", html);
        Assert.Contains("<tr><td><code>amount</code></td><td><code>int64</code></td><td>The amount in cents.</td></tr>", html);
        Assert.False(File.Exists(Path.Combine(outDirectory, "shop.order.v1.md")));
    }

    [Fact]
    public async Task Doc_FormatBoth_WritesMarkdownAndHtml()
    {
        var path = files.Write("order.proto", ProtoFiles.Good);
        var outDirectory = Path.Combine(files.Root, "both");

        var (code, _, _) = await Egoctl.RunAsync("proto", "doc", path, "-f", "both", "-o", outDirectory);

        Assert.Equal(0, code);
        Assert.Equal(["shop.order.v1.html", "shop.order.v1.md"], Directory.GetFiles(outDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Doc_UnknownFormat_FailsNamingAllowedValues()
    {
        var path = files.Write("order.proto", ProtoFiles.Good);

        var (code, _, error) = await Egoctl.RunAsync("proto", "doc", path, "--format", "pdf", "--out", Path.Combine(files.Root, "x"));

        Assert.NotEqual(0, code);
        Assert.Contains("pdf", error);
        Assert.Contains("html", error);
        Assert.False(Directory.Exists(Path.Combine(files.Root, "x")));
    }

    [Fact]
    public async Task Help_EveryProtoCommand_ShowsExamples()
    {
        foreach (var command in new[] { "lint", "format", "breaking", "doc" })
        {
            var (code, output, _) = await Egoctl.RunAsync("proto", command, "--help");

            Assert.Equal(0, code);
            Assert.Contains("Examples:", output);
        }
    }

    [Fact]
    public async Task Breaking_WithoutAgainst_Exits1WithUsageError()
    {
        var (code, _, error) = await Egoctl.RunAsync("proto", "breaking", files.Root);

        Assert.NotEqual(0, code);
        Assert.Contains("--against", error);
    }
}
