using Microsoft.Extensions.Logging;

namespace Ego.Hosting.Internal;

/// <summary>Log events of service registration by the host (ids 60-69 of Ego.Hosting).</summary>
internal static partial class RegistrarLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "{kind} server {address} registered in {registry}")]
    public static partial void Registered(ILogger logger, string kind, string address, string registry);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "{kind} server {address} not registered in {registry} yet; it keeps trying")]
    public static partial void RegisterFailed(ILogger logger, string kind, string address, string registry, Exception exception);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "{kind} server {address} not deregistered from {registry}")]
    public static partial void DeregisterFailed(ILogger logger, string kind, string address, string registry, Exception exception);
}
