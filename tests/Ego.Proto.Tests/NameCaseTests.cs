using Ego.Proto.Lint.Internal;

namespace Ego.Proto.Tests;

public sealed class NameCaseTests
{
    [Theory]
    [InlineData("Status", "STATUS")]
    [InlineData("OrderStatus", "ORDER_STATUS")]
    [InlineData("HTTPStatus", "HTTP_STATUS")]
    [InlineData("Status2Code", "STATUS2_CODE")]
    [InlineData("V", "V")]
    public void ToUpperSnake_PascalName_InsertsUnderscoresAtWordStarts(string name, string expected)
    {
        Assert.Equal(expected, NameCase.ToUpperSnake(name));
    }

    [Theory]
    [InlineData("Thing", true)]
    [InlineData("HTTPRequest", true)]
    [InlineData("THING", false)]
    [InlineData("thing", false)]
    [InlineData("Thing_Info", false)]
    public void IsPascal_Name_MatchesStyleGuide(string name, bool expected)
    {
        Assert.Equal(expected, NameCase.IsPascal(name));
    }

    [Theory]
    [InlineData("v1", true)]
    [InlineData("v1beta1", true)]
    [InlineData("v2alpha", true)]
    [InlineData("v1p1beta1", true)]
    [InlineData("v0", false)]
    [InlineData("beta", false)]
    [InlineData("v1-beta", false)]
    public void IsVersion_PackageSubName_AcceptsMajorVersionWithOptionalStability(string name, bool expected)
    {
        Assert.Equal(expected, NameCase.IsVersion(name));
    }
}
