using Microsoft.Extensions.Logging;

namespace Ego.Discovery.Internal;

internal static partial class DiscoveryLog
{
    [LoggerMessage(301, LogLevel.Information, "endpoints of {Target}: {Count} ({Endpoints})")]
    public static partial void EndpointsChanged(ILogger logger, string target, int count, string endpoints);

    [LoggerMessage(302, LogLevel.Warning, "resolver of {Target} failed, keeping the last endpoints and retrying in {Delay}")]
    public static partial void ResolverFailed(ILogger logger, string target, TimeSpan delay, Exception exception);
}
