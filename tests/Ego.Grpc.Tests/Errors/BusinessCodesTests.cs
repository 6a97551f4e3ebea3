using Ego.Grpc.Errors;

namespace Ego.Grpc.Tests.Errors;

public sealed class BusinessCodesTests
{
    [Fact]
    public void Compose_Parts_GivesTenDigitCode()
    {
        Assert.Equal(1010010001L, BusinessCodes.Compose(101, 1, 1));
        Assert.Equal(9999999999L, BusinessCodes.Compose(999, 999, 9999));
    }

    [Theory]
    [InlineData(99, 0, 0)]
    [InlineData(100, 1000, 0)]
    [InlineData(100, 0, 10000)]
    [InlineData(100, -1, 0)]
    public void Compose_PartOutOfRange_Throws(int prefix, int module, int error)
        => Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCodes.Compose(prefix, module, error));

    [Fact]
    public void Split_Code_GivesPrefixModuleAndError()
        => Assert.Equal((101, 2, 30), BusinessCodes.Split(1010020030));

    [Theory]
    [InlineData("1010010001", 1010010001L)]
    [InlineData("0999999999", null)]
    [InlineData("101001", null)]
    [InlineData("+101001000", null)]
    [InlineData("abc", null)]
    [InlineData(null, null)]
    public void Parse_Text_GivesCodeOnlyForTenValidDigits(string? text, long? expected)
        => Assert.Equal(expected, BusinessCodes.Parse(text));

    [Fact]
    public void EgoError_BusinessCodeOutOfRange_ThrowsNamingTheLayout()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => new EgoError(StatusCode.NotFound, "biz.v1.X", "x", businessCode: 999_999_999));

        Assert.Equal("businessCode", failure.ParamName);
        Assert.Contains("prefix 100–999", failure.Message);
    }
}
