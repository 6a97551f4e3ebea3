using System.Runtime.CompilerServices;
using System.Text.Json;
using Ego.Hosting;
using Ego.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ego.Tests.Shared;

/// <summary>
/// The real Ego logger writing JSON lines to a temporary ego.sys, a debug-line writer, and an environment with a
/// unique application name so metric assertions only see this test's calls.
/// </summary>
internal sealed class AccessLogCapture : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ego-access-tests", Guid.NewGuid().ToString("N"));
    private readonly EgoLoggerProvider provider;
    private readonly StringWriter debug = new();
    private bool flushed;

    public AccessLogCapture(bool debugMode = false, params string[] extraKeys)
    {
        Directory.CreateDirectory(dir);
        AppName = "app-" + Guid.NewGuid().ToString("N")[..8];
        Environment = new EgoEnvironment { LogPath = dir, LogWriter = "file", Debug = debugMode, AppName = AppName, LogExtraKeys = extraKeys };
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["logger:ego:level"] = "debug",
            ["logger:ego:enableAsync"] = "false",
            ["logger:ego:enableAddCaller"] = "false",
        }).Build();
        provider = EgoLoggerProvider.Create(config, Environment);
        LoggerFactory = new LoggerFactory([provider]);
        DebugOutput = TextWriter.Synchronized(debug);
    }

    public string AppName { get; }

    public EgoEnvironment Environment { get; }

    public ILoggerFactory LoggerFactory { get; }

    public TextWriter DebugOutput { get; }

    public string DebugText => debug.ToString();

    /// <summary>The line number of the caller, to compare with the file:line of debug lines.</summary>
    public static int Line([CallerLineNumber] int line = 0) => line;

    /// <summary>Flushes the logger and returns the access lines written so far, parsed.</summary>
    public List<JsonElement> AccessLines()
    {
        Flush();
        var path = Path.Combine(dir, EgoLoggerProvider.FrameworkFileName);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(e => e.GetProperty("msg").GetString() == "access")];
    }

    private void Flush()
    {
        if (!flushed)
        {
            flushed = true;
            provider.Dispose();
        }
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        Flush();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open must not hide the test's own result.
        }
    }
}
