using Microsoft.Extensions.Logging;

namespace Ego.Registry.Etcd.Internal;

/// <summary>Log events of the etcd client, registry and resolver (ids 1-99 of Ego.Registry.Etcd).</summary>
internal static partial class EtcdLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "etcd member {member} unavailable, switching to {next}: {reason}")]
    public static partial void MemberUnavailable(ILogger logger, string member, string next, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "registered {key} with lease {lease} (ttl {ttl}s)")]
    public static partial void Registered(ILogger logger, string key, long lease, long ttl);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "registration {key} lost ({reason}); registering again")]
    public static partial void RegistrationLost(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "registering {key} failed, retrying in {delay}: {reason}")]
    public static partial void RegisterFailed(ILogger logger, string key, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "deregistered {key}")]
    public static partial void Deregistered(ILogger logger, string key);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "deregistering {key} failed; its lease expires on its own: {reason}")]
    public static partial void DeregisterFailed(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "resolving {target} from etcd failed, keeping the last {count} endpoints and retrying in {delay}: {reason}")]
    public static partial void ResolveFailed(ILogger logger, string target, int count, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "watch of {target} compacted at revision {revision}; reloading")]
    public static partial void WatchCompacted(ILogger logger, string target, long revision);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "{target} resolved to {count} endpoints")]
    public static partial void Resolved(ILogger logger, string target, int count);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "ignoring etcd key {key}: {reason}")]
    public static partial void BadKey(ILogger logger, string key, string reason);
}
