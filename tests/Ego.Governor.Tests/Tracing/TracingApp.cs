using System.Text.Json;
using Ego.Hosting;

namespace Ego.Governor.Tests.Tracing;

/// <summary>A temp folder holding an app's config file and its log files.</summary>
internal sealed class TracingApp : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ego-trace-tests-" + Guid.NewGuid().ToString("N"));

    public TracingApp(string name, string toml)
    {
        Name = name;
        Directory.CreateDirectory(folder);
        File.WriteAllText(ConfigPath, toml);
    }

    public string Name { get; }

    private string ConfigPath => Path.Combine(folder, "app.toml");

    public static string HttpServer => "[server.http]\nhost = \"127.0.0.1\"\nport = 0\n";

    public static string Trace(string endpoint, string protocol, double fraction = 1, string serviceName = "")
        => $"[trace]\nfraction = {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}\nserviceName = \"{serviceName}\"\n[trace.otlp]\nendpoint = \"{endpoint}\"\nprotocol = \"{protocol}\"\n";

    public EgoApplicationBuilder CreateBuilder()
        => EgoApplication.CreateBuilder(["--config=" + ConfigPath], new Dictionary<string, string?> { ["EGO_NAME"] = Name, ["EGO_LOG_PATH"] = folder });

    /// <summary>The JSON lines of the application's own logger (<c>default.log</c>) that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<JsonElement> LogLines(string text)
        => File.ReadLines(Path.Combine(folder, "default.log"))
            .Where(line => line.Contains(text, StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open on a slow machine is left to the temp folder's cleanup.
        }
    }
}
