using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Ego.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Metrics;

/// <summary>A real Prometheus server (Debian package <c>prometheus</c>) scrapes the endpoint and answers a query about it.</summary>
public sealed class PrometheusServerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Query_AfterScrapingTheEndpoint_ReturnsTheRecordedValue()
    {
        var prometheus = ExternalTool.Require("prometheus");
        var meterName = "Test.Server." + Guid.NewGuid().ToString("N");
        var run = Guid.NewGuid().ToString("N");
        await using var app = await MetricsApp.StartAsync(o => o.Meters = [meterName]);
        app.Services.GetRequiredService<IMeterFactory>().Create(meterName)
            .CreateCounter<int>("governor.e2e", "{event}", "Events of the end-to-end test.")
            .Add(42, new KeyValuePair<string, object?>("run", run));

        var directory = Directory.CreateTempSubdirectory("ego-prometheus-");
        var port = ChildProcess.FreePort();
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config,
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n" +
            "scrape_configs:\n  - job_name: ego\n    static_configs:\n" +
            $"      - targets: ['{app.Address.Authority}']\n");

        var log = new StringBuilder();
        using var server = StartServer(prometheus, config, Path.Combine(directory.FullName, "data"), port, log);
        try
        {
            var value = await PollQueryAsync(new Uri($"http://127.0.0.1:{port}/"), $"governor_e2e_total{{run=\"{run}\"}}", server);

            Assert.True(value == "42", $"expected 42 from Prometheus, got {value ?? "no series"} within {Deadline}; server log:\n{log}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            using var stopped = new CancellationTokenSource(Deadline);
            await server.WaitForExitAsync(stopped.Token);
            directory.Delete(recursive: true);
        }
    }

    private static Process StartServer(string prometheus, string config, string data, int port, StringBuilder log)
    {
        var start = new ProcessStartInfo(prometheus)
        {
            ArgumentList = { $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {prometheus}");
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Queries until the series has a value, the server exits, or the deadline passes.</summary>
    private static async Task<string?> PollQueryAsync(Uri server, string query, Process process)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Deadline && !process.HasExited)
        {
            try
            {
                var json = await client.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(query));
                using var document = JsonDocument.Parse(json);
                var result = document.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    return result[0].GetProperty("value")[1].GetString();
                }
            }
            catch (HttpRequestException)
            {
                // The server is still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return null;
    }
}
