namespace Ego.Grpc.Generator.Tests;

public sealed class DocCommentsTests
{
    [Fact]
    public void Write_CommentWithXmlCharacters_EscapesThem()
    {
        var writer = new CodeWriter();

        DocComments.Write(writer, " Uses <T> & \"quotes\"\n");

        Assert.Equal("/// <summary>\n/// Uses &lt;T&gt; &amp; &quot;quotes&quot;\n/// </summary>\n", writer.ToString());
    }

    [Fact]
    public void Write_MultiLineCommentWithBlankLine_KeepsLines()
    {
        var writer = new CodeWriter();

        DocComments.Write(writer, " First.\n\n Third.\n");

        Assert.Equal("/// <summary>\n/// First.\n///\n/// Third.\n/// </summary>\n", writer.ToString());
    }

    [Fact]
    public void Write_NoComment_WritesNothing()
    {
        var writer = new CodeWriter();

        DocComments.Write(writer, null);

        Assert.Equal(string.Empty, writer.ToString());
    }
}
