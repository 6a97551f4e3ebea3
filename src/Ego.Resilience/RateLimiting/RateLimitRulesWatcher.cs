using Ego.Resilience.RateLimiting.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.RateLimiting;

/// <summary>
/// Keeps the limiters of a rules file current: the file is watched and a valid edit replaces every limiter at once
/// (their counts start afresh); an edit that does not parse or check is logged with file:line and the old rules stay.
/// </summary>
public sealed class RateLimitRulesWatcher : IDisposable
{
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly FileSystemWatcher? watcher;
    private readonly Lock reloading = new();
    private volatile RateLimiterSet current;

    /// <param name="path">The rules file; empty for no rules.</param>
    /// <param name="watch">Re-reads the file when it changes.</param>
    /// <param name="timeProvider">The clock of the limiters' refills.</param>
    /// <param name="logger">Where rejected and applied edits are logged.</param>
    /// <exception cref="RateLimitRulesException">The file is invalid at start.</exception>
    public RateLimitRulesWatcher(string path, bool watch, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(path);
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Path = path;
        current = new RateLimiterSet(path.Length == 0 ? RateLimitRules.Empty : RateLimitRules.Load(path), timeProvider);
        if (watch && path.Length > 0)
        {
            var full = System.IO.Path.GetFullPath(path);
            watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileName(full))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => Reload();
            watcher.Created += (_, _) => Reload();
            watcher.Renamed += (_, _) => Reload();
            watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The rules file; empty when there is none.</summary>
    public string Path { get; }

    /// <summary>The rules in force.</summary>
    public RateLimitRules Rules => current.Rules;

    /// <summary>Raised after a valid edit has been applied.</summary>
    public event Action<RateLimitRules>? Reloaded;

    internal RateLimiterSet Current => current;

    /// <summary>Re-reads the file now; returns false (and logs why, with file:line) when the edit is rejected.</summary>
    public bool Reload()
    {
        if (Path.Length == 0)
        {
            return true;
        }

        RateLimiterSet next;
        lock (reloading)
        {
            RateLimitRules rules;
            try
            {
                rules = RateLimitRules.Load(Path);
            }
            catch (RateLimitRulesException exception)
            {
                RateLimitLog.ReloadRejected(logger, exception.Message);
                return false;
            }

            next = new RateLimiterSet(rules, timeProvider);
            var previous = current;
            current = next;
            previous.Dispose();
        }

        RateLimitLog.Reloaded(logger, Path, next.Rules.ByTarget.Count + (next.Rules.Default is null ? 0 : 1));
        Reloaded?.Invoke(next.Rules);
        return true;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        current.Dispose();
    }
}
