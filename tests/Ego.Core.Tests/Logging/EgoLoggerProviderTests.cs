using System.Diagnostics;
using System.Text.Json;
using Ego.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ego.Core.Tests.Logging;

public sealed class EgoLoggerProviderTests
{
    private static readonly long StartSeconds = new DateTimeOffset(2026, 11, 22, 3, 14, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public void Log_StructuredCall_WritesJsonLineWithTemplateFields()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            provider.CreateLogger("Shop.Orders").LogInformation(
                "order {OrderId} paid {Amount} in {Elapsed}, first {First}", 42, 9.5m, TimeSpan.FromMilliseconds(1500), true);
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        var root = doc.RootElement;
        Assert.Equal(["lv", "ts", "logger", "msg"], root.EnumerateObject().Take(4).Select(p => p.Name));
        Assert.Equal("info", root.GetProperty("lv").GetString());
        Assert.Equal(StartSeconds, root.GetProperty("ts").GetInt64());
        Assert.Equal("Shop.Orders", root.GetProperty("logger").GetString());
        Assert.Equal("order 42 paid 9.5 in 00:00:01.5000000, first True", root.GetProperty("msg").GetString());
        Assert.Equal(42, root.GetProperty("OrderId").GetInt32());
        Assert.Equal(9.5m, root.GetProperty("Amount").GetDecimal());
        Assert.Equal(1500d, root.GetProperty("Elapsed").GetDouble());
        Assert.True(root.GetProperty("First").GetBoolean());
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
        Assert.False(root.TryGetProperty("tid", out _));
    }

    [Fact]
    public void Log_InsideScopes_WritesScopeFieldsAndPlainScopes()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            var logger = provider.CreateLogger("Shop");
            using (logger.BeginScope(new Dictionary<string, object?> { ["tenant"] = "t1" }))
            using (logger.BeginScope("request {RequestId}", "r-7"))
            using (logger.BeginScope("batch import"))
            {
                logger.LogWarning("stock low");
            }
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        var root = doc.RootElement;
        Assert.Equal("warn", root.GetProperty("lv").GetString());
        Assert.Equal("t1", root.GetProperty("tenant").GetString());
        Assert.Equal("r-7", root.GetProperty("RequestId").GetString());
        Assert.Equal(["batch import"], root.GetProperty("scope").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Log_WithCurrentActivity_WritesTraceIdAsTid()
    {
        using var ctx = new LogTestContext();
        string traceId;
        using (var provider = ctx.CreateProvider())
        {
            using var activity = new Activity("checkout").SetIdFormat(ActivityIdFormat.W3C).Start();
            traceId = activity.TraceId.ToHexString();
            provider.CreateLogger("Shop").LogInformation("paid");
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        Assert.Equal(traceId, doc.RootElement.GetProperty("tid").GetString());
    }

    [Fact]
    public void Log_WithException_WritesErrorAndVerboseStack()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            try
            {
                throw new InvalidOperationException("boom");
            }
            catch (InvalidOperationException e)
            {
                provider.CreateLogger("Shop").LogError(e, "payment failed at {Step}", "capture");
            }
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        var root = doc.RootElement;
        Assert.Equal("error", root.GetProperty("lv").GetString());
        Assert.Equal("capture", root.GetProperty("Step").GetString());
        Assert.Equal("System.InvalidOperationException: boom", root.GetProperty("error").GetString());
        var verbose = root.GetProperty("errorVerbose").GetString()!;
        Assert.Contains("boom", verbose);
        Assert.Contains(nameof(Log_WithException_WritesErrorAndVerboseStack), verbose);
    }

    [Fact]
    public void CreateLogger_FrameworkAndBusinessCategories_WriteToSeparateFiles()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            provider.CreateLogger("Ego.Grpc.Server").LogInformation("server started");
            provider.CreateLogger("Ego").LogInformation("app started");
            provider.CreateLogger("Egor.Shop").LogInformation("not the framework");
            provider.CreateLogger("Shop.Orders").LogInformation("order placed");
        }

        Assert.Equal(["server started", "app started"], ctx.FileLines("ego.sys").Select(Message));
        Assert.Equal(["not the framework", "order placed"], ctx.FileLines("default.log").Select(Message));
    }

    [Fact]
    public void Reload_ValidLevel_TakesEffectWithoutRestart()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:level"] = "info";
        using (var provider = ctx.CreateProvider())
        {
            var logger = provider.CreateLogger("Shop");
            logger.LogDebug("before reload");
            ctx.Configuration!["logger:default:level"] = "DEBUG";
            ctx.Configuration.Reload();
            logger.LogDebug("after reload");
            Assert.Equal(LogLevel.Debug, provider.BusinessLevel);
        }

        var line = Assert.Single(ctx.FileLines("default.log"));
        Assert.Equal("after reload", Message(line));
        Assert.Contains(ctx.FileLines("ego.sys"), l => Message(l) == "update level of logger.default to debug");
    }

    [Fact]
    public void Reload_InvalidLevel_LogsErrorNamingKeyAndKeepsLevel()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:level"] = "warn";
        using (var provider = ctx.CreateProvider())
        {
            ctx.Configuration!["logger:default:level"] = "verbose";
            ctx.Configuration.Reload();
            Assert.Equal(LogLevel.Warning, provider.BusinessLevel);
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("ego.sys")));
        Assert.Equal("error", doc.RootElement.GetProperty("lv").GetString());
        Assert.StartsWith(
            "logger.default.level: 'verbose' is not one of debug, info, warn, error, dpanic, panic, fatal",
            doc.RootElement.GetProperty("msg").GetString());
    }

    [Fact]
    public void Create_InvalidSettings_ReportsEveryProblemWithItsKey()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:level"] = "verbose";
        ctx.Settings["logger:ego:writer"] = "kafka";
        ctx.Settings["logger:ego:maxSize"] = "lots";

        var e = Assert.Throws<OptionsValidationException>(() => ctx.CreateProvider());

        Assert.Contains("logger.default.level: 'verbose' is not one of debug, info", e.Message);
        Assert.Contains("logger.ego.writer: 'kafka' is not one of file, stderr, stdout", e.Message);
        Assert.Contains("logger.ego.maxSize: 'lots' is not a positive size", e.Message);
    }

    [Fact]
    public void Log_StdoutWriter_WritesReadableLine()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider(writer: "stdout"))
        {
            provider.CreateLogger("Shop.Orders").LogFields(
                LogLevel.Warning, "slow call", EgoLogField.Duration(TimeSpan.FromMilliseconds(250)), EgoLogField.StatusCode(200));
            provider.CreateLogger("Shop.Orders").LogInformation("no fields");
        }

        Assert.Equal(
            "2026-11-22 03:14:00 WARN Shop.Orders slow call {\"cost\":250,\"code\":200}\n2026-11-22 03:14:00 INFO Shop.Orders no fields\n",
            LogTestContext.Text(ctx.Stdout));
        Assert.Empty(Directory.GetFiles(ctx.Dir));
    }

    [Fact]
    public void Log_DebugOnTerminal_ColoursLevel()
    {
        using var ctx = new LogTestContext { Terminal = true };
        ctx.Settings["logger:default:enableAddCaller"] = "false";
        using (var provider = ctx.CreateProvider(writer: "stderr", debug: true))
        {
            provider.CreateLogger("Shop").LogError("failed");
        }

        Assert.Equal("2026-11-22 03:14:00 \u001b[31mERROR\u001b[0m Shop failed\n", LogTestContext.Text(ctx.Stderr));
    }

    [Fact]
    public void Log_StderrWithJsonFormat_WritesJsonWithLoggerName()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:format"] = "json";
        using (var provider = ctx.CreateProvider(writer: "stderr"))
        {
            provider.CreateLogger("Shop").LogInformation("started");
        }

        using var doc = JsonDocument.Parse(LogTestContext.Text(ctx.Stderr));
        Assert.Equal("default.log", doc.RootElement.GetProperty("lname").GetString());
        Assert.Equal("started", doc.RootElement.GetProperty("msg").GetString());
    }

    [Fact]
    public void Log_DebugWithFileWriter_WritesJsonToFileAndLineToStdout()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:enableAddCaller"] = "false";
        using (var provider = ctx.CreateProvider(writer: "file", debug: true))
        {
            provider.CreateLogger("Shop").LogInformation("hello {Name}", "ada");
        }

        Assert.Equal("hello ada", Message(Assert.Single(ctx.FileLines("default.log"))));
        Assert.Equal("2026-11-22 03:14:00 INFO Shop hello ada {\"Name\":\"ada\"}\n", LogTestContext.Text(ctx.Stdout));
    }

    [Fact]
    public void Log_EnableAddCaller_WritesFileAndLineOfTheCall()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:enableAddCaller"] = "true";
        using (var provider = ctx.CreateProvider())
        {
            provider.CreateLogger("Shop").LogInformation("where am I");
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("default.log")));
        Assert.Equal(["lv", "ts", "logger", "caller", "msg"], doc.RootElement.EnumerateObject().Take(5).Select(p => p.Name));
        Assert.Matches(@"^Logging/EgoLoggerProviderTests\.cs:\d+$", doc.RootElement.GetProperty("caller").GetString());
    }

    [Fact]
    public void Log_SyncMode_WritesBeforeDispose()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:enableAsync"] = "false";
        using var provider = ctx.CreateProvider();

        provider.CreateLogger("Shop").LogInformation("written now");

        using var stream = new FileStream(Path.Combine(ctx.Dir, "default.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Assert.Contains("written now", new StreamReader(stream).ReadToEnd());
    }

    [Fact]
    public void Log_AsyncMode_FlushesWithinInterval()
    {
        using var ctx = new LogTestContext();
        ctx.Settings["logger:default:flushBufferInterval"] = "20ms";
        using var provider = ctx.CreateProvider();
        var path = Path.Combine(ctx.Dir, "default.log");

        provider.CreateLogger("Shop").LogInformation("buffered");

        // The flush runs on a real timer; poll with a bound rather than sleep a fixed time.
        var deadline = Stopwatch.StartNew();
        var text = "";
        while (!text.Contains("buffered", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text = new StreamReader(stream).ReadToEnd();
            Thread.Sleep(10);
        }

        Assert.Contains("buffered", text);
    }

    private static string? Message(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        return doc.RootElement.GetProperty("msg").GetString();
    }
}
