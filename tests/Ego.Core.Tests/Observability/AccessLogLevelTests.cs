using Ego.Observability;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Observability;

public sealed class AccessLogLevelTests
{
    [Theory]
    [InlineData(200, false, false, LogLevel.Information)]
    [InlineData(200, false, true, LogLevel.Warning)]
    [InlineData(404, true, false, LogLevel.Warning)]
    [InlineData(408, true, true, LogLevel.Warning)]
    [InlineData(500, true, false, LogLevel.Error)]
    [InlineData(503, true, true, LogLevel.Error)]
    public void For_CodeFailureAndSlowness_FollowsEgoRule(int uniformCode, bool failed, bool slow, LogLevel expected)
    {
        Assert.Equal(expected, AccessLogLevel.For(uniformCode, failed, slow));
    }
}
