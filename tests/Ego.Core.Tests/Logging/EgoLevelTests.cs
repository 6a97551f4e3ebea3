using Ego.Logging.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Logging;

public sealed class EgoLevelTests
{
    [Theory]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("error", LogLevel.Error)]
    [InlineData("dpanic", LogLevel.Critical)]
    [InlineData("panic", LogLevel.Critical)]
    [InlineData("fatal", LogLevel.Critical)]
    [InlineData("Trace", LogLevel.Trace)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData(" Warning ", LogLevel.Warning)]
    [InlineData("critical", LogLevel.Critical)]
    public void TryParse_EgoAndDotNetNames_Accepted(string text, LogLevel expected)
    {
        Assert.True(EgoLevel.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("verbose")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("none")]
    public void TryParse_UnknownName_Rejected(string? text)
    {
        Assert.False(EgoLevel.TryParse(text, out _));
    }

    [Theory]
    [InlineData(LogLevel.Trace, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Critical, "fatal")]
    public void JsonName_Level_IsZapName(LogLevel level, string expected)
    {
        Assert.Equal(expected, EgoLevel.JsonName(level));
    }
}
