using Ego.Resilience.RateLimiting.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.RateLimiting;

/// <summary>
/// Keeps the limiters of a rules file current, watched like the config file: its directory's events and a poll every
/// second. A changed, valid file replaces every limiter at once (their counts start afresh); a file that does not parse
/// or check is logged with file:line and the old rules stay.
/// </summary>
public sealed class RateLimitRulesWatcher : IDisposable
{
    /// <summary>How often the file is re-read when no directory event arrives.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly FileSystemWatcher? watcher;
    private readonly ITimer? poll;
    private readonly Lock reloading = new();
    private volatile RateLimiterSet current;
    private string lastText = "";

    /// <param name="path">The rules file; empty for no rules.</param>
    /// <param name="watch">Re-reads the file when it changes.</param>
    /// <param name="timeProvider">The clock of the limiters.</param>
    /// <param name="logger">Where rejected and applied edits are logged.</param>
    /// <exception cref="RateLimitRulesException">The file is invalid at start.</exception>
    public RateLimitRulesWatcher(string path, bool watch, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(path);
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Path = path;
        if (path.Length == 0)
        {
            current = new RateLimiterSet(RateLimitRules.Empty, timeProvider);
            return;
        }

        lastText = Read() ?? throw new RateLimitRulesException(path, 0, "cannot be read: expected a .toml or .json rules file");
        current = new RateLimiterSet(RateLimitRules.Parse(lastText, path), timeProvider);
        if (!watch)
        {
            return;
        }

        poll = TimeProvider.System.CreateTimer(static state => ((RateLimitRulesWatcher)state!).Check(force: false), this, PollInterval, PollInterval);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        try
        {
            // The directory, not the file: Kubernetes swaps ConfigMap files by renaming a symlinked directory.
            watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size };
            FileSystemEventHandler changed = (_, _) => Check(force: false);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Renamed += (_, _) => Check(force: false);
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // The poll still notices every change; events only make it sooner.
            watcher?.Dispose();
            watcher = null;
        }
    }

    /// <summary>The rules file; empty when there is none.</summary>
    public string Path { get; }

    /// <summary>The rules in force.</summary>
    public RateLimitRules Rules => current.Rules;

    /// <summary>Raised after a changed, valid file has been applied.</summary>
    public event Action<RateLimitRules>? Reloaded;

    internal RateLimiterSet Current => current;

    /// <summary>Re-reads the file now; returns false (and logs why, with file:line) when it is rejected.</summary>
    public bool Reload() => Path.Length == 0 || Check(force: true);

    public void Dispose()
    {
        poll?.Dispose();
        watcher?.Dispose();
    }

    private bool Check(bool force)
    {
        try
        {
            return Apply(force);
        }
        catch (Exception exception)
        {
            // Runs on watcher and timer threads: nothing may escape and take the process down.
            RateLimitLog.ReloadRejected(logger, $"{Path}: {exception.Message}");
            return false;
        }
    }

    private bool Apply(bool force)
    {
        RateLimitRules rules;
        lock (reloading)
        {
            var text = Read();
            if (text is null)
            {
                RateLimitLog.ReloadRejected(logger, $"{Path}:0: cannot be read");
                return false;
            }

            if (!force && text == lastText)
            {
                return true;
            }

            lastText = text;
            try
            {
                rules = RateLimitRules.Parse(text, Path);
            }
            catch (RateLimitRulesException exception)
            {
                RateLimitLog.ReloadRejected(logger, exception.Message);
                return false;
            }

            current = new RateLimiterSet(rules, timeProvider);
        }

        RateLimitLog.Reloaded(logger, Path, rules.ByTarget.Count + (rules.Default is null ? 0 : 1));
        Reloaded?.Invoke(rules);
        return true;
    }

    private string? Read()
    {
        try
        {
            return File.ReadAllText(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
