using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Configuration;

/// <summary>
/// Loads a config file and, when watching, re-reads it on change. A new version that fails to parse
/// is rejected: the error is logged with file:line:column and the previous values stay in force.
/// </summary>
public sealed class EgoFileConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly EgoFileConfigurationSource source;
    private readonly IConfigFileParser parser;
    private readonly Lock gate = new();
    private Timer? timer;
    private FileSystemWatcher? watcher;
    private byte[] currentHash = [];
    private bool reportedMissing;
    private bool disposed;

    public EgoFileConfigurationProvider(EgoFileConfigurationSource source)
    {
        this.source = source;
        parser = ConfigFileParsers.ForPath(source.Path);
    }

    /// <summary>Where reload results are logged; set once logging exists (the file is read before it does).</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>True when the file did not exist at the first load.</summary>
    public bool FileMissing { get; private set; }

    /// <summary>The file's path as configured.</summary>
    public string Path => source.Path;

    /// <summary>Raised after a new version was applied.</summary>
    public event Action? Reloaded;

    /// <summary>Raised when a new version was rejected; the previous values stay.</summary>
    public event Action<Exception>? ReloadRejected;

    /// <exception cref="FileNotFoundException">The file is missing and not optional.</exception>
    /// <exception cref="ConfigFileFormatException">The file does not parse.</exception>
    public override void Load()
    {
        var bytes = TryRead();
        if (bytes is null)
        {
            if (!source.Optional)
            {
                throw new FileNotFoundException($"config file '{source.Path}' does not exist (full path {System.IO.Path.GetFullPath(source.Path)})", source.Path);
            }

            FileMissing = true;

            // Already reported at start; only a file that disappears later is worth a warning.
            reportedMissing = true;
        }
        else
        {
            Data = parser.Parse(System.Text.Encoding.UTF8.GetString(bytes), source.Path);
            currentHash = SHA256.HashData(bytes);
        }

        if (source.Watch)
        {
            StartWatching();
        }
    }

    /// <summary>Checks the file now and applies a changed version; returns true when new values were applied.</summary>
    public bool CheckNow()
    {
        lock (gate)
        {
            if (disposed)
            {
                return false;
            }

            var bytes = TryRead();
            if (bytes is null)
            {
                if (!reportedMissing)
                {
                    reportedMissing = true;
                    ConfigurationLog.FileMissing(Logger, source.Path);
                }

                return false;
            }

            reportedMissing = false;
            var hash = SHA256.HashData(bytes);
            if (hash.AsSpan().SequenceEqual(currentHash))
            {
                return false;
            }

            try
            {
                var data = parser.Parse(System.Text.Encoding.UTF8.GetString(bytes), source.Path);
                currentHash = hash;
                Data = data;
            }
            catch (Exception exception) when (exception is FormatException or IOException)
            {
                currentHash = hash;
                ConfigurationLog.ReloadRejected(Logger, source.Path, exception.Message);
                ReloadRejected?.Invoke(exception);
                return false;
            }
        }

        ConfigurationLog.Reloaded(Logger, source.Path);
        OnReload();
        Reloaded?.Invoke();
        return true;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
            watcher?.Dispose();
        }
    }

    private void StartWatching()
    {
        timer = new Timer(static state => ((EgoFileConfigurationProvider)state!).SafeCheck(), this, source.PollInterval, source.PollInterval);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(source.Path));
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler changed = (_, _) => SafeCheck();
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => SafeCheck();
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Polling alone still notices every change; directory events only make it sooner.
            watcher?.Dispose();
            watcher = null;
        }
    }

    private void SafeCheck()
    {
        try
        {
            CheckNow();
        }
        catch (Exception exception)
        {
            // A watcher callback must never take the process down.
            ConfigurationLog.ReloadRejected(Logger, source.Path, exception.Message);
        }
    }

    private byte[]? TryRead()
    {
        try
        {
            return File.Exists(source.Path) ? File.ReadAllBytes(source.Path) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
