using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Client.Internal;

internal static partial class ClientResilienceLog
{
    [LoggerMessage(701, LogLevel.Warning, "circuit breaker opened: {event} {compName} {method} dropRatio={DropRatio} accepted={Accepted} total={Total}")]
    public static partial void BreakerOpened(ILogger logger, string @event, string compName, string method, double dropRatio, long accepted, long total);

    [LoggerMessage(702, LogLevel.Information, "circuit breaker closed: {event} {compName} {method}")]
    public static partial void BreakerClosed(ILogger logger, string @event, string compName, string method);

    [LoggerMessage(703, LogLevel.Debug, "call rejected locally: {event} {reason} {compName} {method}")]
    public static partial void Rejected(ILogger logger, string @event, string reason, string compName, string method);

    [LoggerMessage(704, LogLevel.Debug, "retry withheld by the retry budget: {event} {compName} {method} tokens={Tokens}")]
    public static partial void RetryThrottled(ILogger logger, string @event, string compName, string method, double tokens);
}
