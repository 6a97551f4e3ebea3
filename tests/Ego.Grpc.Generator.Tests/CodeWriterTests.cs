namespace Ego.Grpc.Generator.Tests;

public sealed class CodeWriterTests
{
    [Fact]
    public void OpenClose_NestedBlocks_IndentByTwoSpaces()
    {
        var writer = new CodeWriter();

        writer.Open("class A").Open("void M()").Line("x();").Close().Line().Close();

        Assert.Equal("class A\n{\n  void M()\n  {\n    x();\n  }\n\n}\n", writer.ToString());
    }

    [Fact]
    public void Close_WithoutOpen_Throws()
        => Assert.Throws<InvalidOperationException>(() => new CodeWriter().Close());

    [Fact]
    public void Outdent_WithoutIndent_Throws()
        => Assert.Throws<InvalidOperationException>(() => new CodeWriter().Outdent());
}
