using Ego.Observability;

namespace Ego.Core.Tests.Observability;

public sealed class LogExtraKeysTests
{
    [Fact]
    public void Parse_CommaList_TrimsLowerCasesAndDropsEmptiesAndRepeats()
    {
        Assert.Equal(["x-ego-uid", "tenant_id", "x.trace"], LogExtraKeys.Parse(" X-Ego-Uid, tenant_id,,x.trace , x-ego-uid"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Nothing_ReturnsNoKeys(string? text)
    {
        Assert.Empty(LogExtraKeys.Parse(text));
    }

    [Fact]
    public void Parse_InvalidKey_ThrowsNamingVariableAndKey()
    {
        var error = Assert.Throws<ArgumentException>(() => LogExtraKeys.Parse("x-uid,bad key"));

        Assert.Contains("EGO_LOG_EXTRA_KEYS", error.Message);
        Assert.Contains("'bad key'", error.Message);
    }
}
