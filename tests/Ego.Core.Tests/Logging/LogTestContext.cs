using Ego.Hosting;
using Ego.Logging;
using Ego.Logging.Internal;
using Microsoft.Extensions.Configuration;

namespace Ego.Core.Tests.Logging;

/// <summary>A temporary log directory, an in-memory configuration and captured console streams.</summary>
internal sealed class LogTestContext : IDisposable
{
    public LogTestContext()
    {
        Dir = Path.Combine(Path.GetTempPath(), "ego-log-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public Dictionary<string, string?> Settings { get; } = new();

    public MemoryStream Stdout { get; } = new();

    public MemoryStream Stderr { get; } = new();

    public bool Terminal { get; set; }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 3, 14, 0, TimeSpan.Zero));

    public IConfigurationRoot? Configuration { get; private set; }

    public EgoLoggerProvider CreateProvider(string writer = "file", bool debug = false)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var env = new EgoEnvironment { LogPath = Dir, LogWriter = writer, Debug = debug };
        var console = new ConsoleStreams(k => k == LogWriterKind.Stderr ? Stderr : Stdout, _ => Terminal);
        return new EgoLoggerProvider(Configuration, env, Time, console);
    }

    public string[] FileLines(string name) =>
        File.Exists(Path.Combine(Dir, name)) ? File.ReadAllLines(Path.Combine(Dir, name)) : [];

    public static string Text(MemoryStream stream) => System.Text.Encoding.UTF8.GetString(stream.ToArray());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failed test must not hide that test's own failure.
        }
    }
}
