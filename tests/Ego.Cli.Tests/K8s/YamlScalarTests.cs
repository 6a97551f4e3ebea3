using Ego.Cli.K8s;
using YamlDotNet.RepresentationModel;

namespace Ego.Cli.Tests.K8s;

public sealed class YamlScalarTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("9003")]
    [InlineData("a: \"b\" # c\\d")]
    [InlineData("tab\there\nnew line")]
    public void Quote_AnyText_ReadsBackAsTheSameString(string value)
        => Assert.Equal(value, ReadValue("key: " + YamlScalar.Quote(value)));

    [Theory]
    [InlineData("[a]\nb = 1\n")]
    [InlineData("  indented first line\nnext\n")]
    [InlineData("a\n\n\tb = \"x\"\n")]
    public void Block_Text_ReadsBackWithOneFinalLineBreak(string value)
        => Assert.Equal(value, ReadValue("data:\n  key: " + YamlScalar.Block(value, 4, 2) + "\n", "data"));

    private static string ReadValue(string yaml, string? parent = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var map = parent is null ? root : (YamlMappingNode)root.Children[new YamlScalarNode(parent)];
        return ((YamlScalarNode)map.Children[new YamlScalarNode("key")]).Value!;
    }
}
