using System.Text.Json;
using Ego.Logging;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Logging;

public sealed class LogFieldsExtensionsTests
{
    private enum Kind
    {
        Unary,
    }

    [Fact]
    public void LogFields_AccessLogFields_WrittenWithJsonTypes()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            provider.CreateLogger("Ego.Grpc.Server").LogFields(
                LogLevel.Information,
                "access",
                EgoLogField.Component("server.grpc"),
                EgoLogField.ComponentName("server.grpc"),
                EgoLogField.MethodName("/hello.Greeter/SayHello"),
                EgoLogField.Duration(TimeSpan.FromMicroseconds(12_500)),
                EgoLogField.StatusCode(0),
                EgoLogField.PeerAddress("127.0.0.1"),
                EgoLogField.Of("ok", true),
                EgoLogField.Of("nothing", null),
                EgoLogField.Of("ratio", double.NaN),
                EgoLogField.Of("kind", Kind.Unary),
                EgoLogField.Of("bytes", 12L));
        }

        using var doc = JsonDocument.Parse(Assert.Single(ctx.FileLines("ego.sys")));
        var root = doc.RootElement;
        Assert.Equal("access", root.GetProperty("msg").GetString());
        Assert.Equal("server.grpc", root.GetProperty("comp").GetString());
        Assert.Equal("server.grpc", root.GetProperty("compName").GetString());
        Assert.Equal("/hello.Greeter/SayHello", root.GetProperty("method").GetString());
        Assert.Equal(12.5, root.GetProperty("cost").GetDouble());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("code").ValueKind);
        Assert.Equal("127.0.0.1", root.GetProperty("peerIp").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nothing").ValueKind);
        Assert.Equal("NaN", root.GetProperty("ratio").GetString());
        Assert.Equal("Unary", root.GetProperty("kind").GetString());
        Assert.Equal(12, root.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void LogFields_ExplicitTidAndError_NotDuplicatedByActivityOrException()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            using var activity = new System.Diagnostics.Activity("call").Start();
            provider.CreateLogger("Shop").LogFields(
                LogLevel.Error, new TimeoutException("late"), "call failed", EgoLogField.TraceId("abc"), EgoLogField.ErrorText("deadline exceeded"));
        }

        var line = Assert.Single(ctx.FileLines("default.log"));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(1, doc.RootElement.EnumerateObject().Count(p => p.Name == "tid"));
        Assert.Equal(1, doc.RootElement.EnumerateObject().Count(p => p.Name == "error"));
        Assert.Equal("abc", doc.RootElement.GetProperty("tid").GetString());
        Assert.Equal("deadline exceeded", doc.RootElement.GetProperty("error").GetString());
        Assert.Contains("late", doc.RootElement.GetProperty("errorVerbose").GetString());
    }

    [Fact]
    public void LogFields_LevelDisabled_WritesNothing()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            provider.CreateLogger("Shop").LogFields(LogLevel.Debug, "hidden", EgoLogField.EventName("x"));
        }

        Assert.Empty(ctx.FileLines("default.log"));
    }

    [Fact]
    public void LogFields_State_IsReadableByOtherProviders()
    {
        var state = new LogFields("msg", [EgoLogField.Address("10.0.0.1:9001")]);

        Assert.Equal("msg", state.ToString());
        Assert.Equal([new KeyValuePair<string, object?>("addr", "10.0.0.1:9001")], state.ToArray());
    }
}
