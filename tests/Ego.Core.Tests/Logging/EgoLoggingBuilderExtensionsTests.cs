using System.Text.Json;
using Ego.Hosting;
using Ego.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Logging;

public sealed class EgoLoggingBuilderExtensionsTests
{
    [Fact]
    public void AddEgoLogging_DebugLevelInSection_PassesFrameworkFiltering()
    {
        using var ctx = new LogTestContext();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["logger:default:level"] = "debug" })
            .Build();
        var env = new EgoEnvironment { LogPath = ctx.Dir, LogWriter = "file" };
        var services = new ServiceCollection().AddLogging(b => b.AddEgoLogging(configuration, env));

        using (var sp = services.BuildServiceProvider())
        {
            var provider = sp.GetRequiredService<EgoLoggerProvider>();
            Assert.Contains(provider, sp.GetServices<ILoggerProvider>());
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Orders").LogDebug("debug reaches the file");
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Core").LogDebug("framework stays at info");
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        Assert.Equal("debug", doc.RootElement.GetProperty("lv").GetString());
        Assert.Equal("debug reaches the file", doc.RootElement.GetProperty("msg").GetString());
        Assert.Empty(ctx.FileLines("ego.sys"));
    }

    [Fact]
    public void AddEgoLogging_AfterHostDefaultsTrackActivities_LinesCarryTidOnly()
    {
        using var ctx = new LogTestContext();
        var env = new EgoEnvironment { LogPath = ctx.Dir, LogWriter = "file" };

        // What the generic host configures before the application adds its logging.
        var services = new ServiceCollection().AddLogging(b => b
            .Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.SpanId | ActivityTrackingOptions.TraceId | ActivityTrackingOptions.ParentId)
            .AddEgoLogging(new ConfigurationBuilder().Build(), env));
        string traceId;
        using (var sp = services.BuildServiceProvider())
        {
            using var activity = new System.Diagnostics.Activity("call").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
            traceId = activity.TraceId.ToHexString();
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Orders").LogInformation("paid");
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        Assert.Equal(traceId, doc.RootElement.GetProperty("tid").GetString());
        Assert.False(doc.RootElement.TryGetProperty("TraceId", out _));
        Assert.False(doc.RootElement.TryGetProperty("SpanId", out _));
    }
}
