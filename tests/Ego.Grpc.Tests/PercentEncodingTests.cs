using Ego.Grpc.Internal;

namespace Ego.Grpc.Tests;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("é", "%C3%A9")]
    [InlineData("a\nb", "a%0Ab")]
    public void Encode_Text_EscapesPerSpec(string text, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Encode(text));
    }

    [Theory]
    [InlineData("%C3%A9t%C3%A9", "été")]
    [InlineData("50%", "50%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%E2%9C%93 ok", "✓ ok")]
    public void Decode_Text_UnescapesAndKeepsMalformedSequences(string text, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Decode(text));
    }
}
