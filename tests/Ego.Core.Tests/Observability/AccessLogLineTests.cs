using System.Diagnostics;
using System.Text.Json;
using Ego.Core.Tests.Logging;
using Ego.Observability;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Observability;

/// <summary>Access lines as the Ego logger writes them to ego.sys: field order, JSON types, scopes and tid.</summary>
public sealed class AccessLogLineTests
{
    [Fact]
    public void Write_ServerLineInsideScopes_HasEgoFieldsAndNoScopeFields()
    {
        var root = WriteOne(includeScopes: false, record: Record() with { Error = "not found", Code = 5, UniformCode = 404 });

        Assert.Equal(
            ["lv", "ts", "logger", "msg", "comp", "compName", "addr", "method", "cost", "code", "ucode", "event", "peerIp", "peerName", "error", "tid"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("warn", root.GetProperty("lv").GetString());
        Assert.Equal("access", root.GetProperty("msg").GetString());
        Assert.Equal("server.test", root.GetProperty("comp").GetString());
        Assert.Equal(12.346, root.GetProperty("cost").GetDouble());
        Assert.Equal(5, root.GetProperty("code").GetInt32());
        Assert.Equal(404, root.GetProperty("ucode").GetInt32());
        Assert.Equal("error", root.GetProperty("event").GetString());
        Assert.Equal("not found", root.GetProperty("error").GetString());
        Assert.Equal(32, root.GetProperty("tid").GetString()!.Length);
    }

    [Fact]
    public void Write_ClientLineInsideScope_KeepsTheCallersScopeAndExtras()
    {
        var root = WriteOne(includeScopes: true, record: Record() with { Extras = [new("x-tenant", "t1")], PeerName = "orders" });

        Assert.Equal("normal", root.GetProperty("event").GetString());
        Assert.Equal("orders", root.GetProperty("peerName").GetString());
        Assert.Equal("t1", root.GetProperty("x-tenant").GetString());
        Assert.Equal("o-9", root.GetProperty("order").GetString());
        Assert.Equal(1, root.EnumerateObject().Count(p => p.Name == "tid"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(50, "0.005")]
    [InlineData(3_400, "0.34")]
    [InlineData(10_000, "1")]
    [InlineData(123_400, "12.34")]
    [InlineData(123_456, "12.346")]
    [InlineData(30_000_000, "3000")]
    [InlineData(12_345_678_904, "1234567.89")]
    public void Write_Cost_IsMillisecondsToTheMicrosecondWithoutTrailingZeros(long ticks, string expected)
    {
        var root = WriteOne(includeScopes: false, record: Record() with { Cost = TimeSpan.FromTicks(ticks) });

        Assert.Equal(expected, root.GetProperty("cost").GetRawText());
    }

    [Fact]
    public void Write_NonAsciiAndPlusInPreEncodedValues_WrittenAsThePlainLinesWriteThem()
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            var logger = provider.CreateLogger("Ego.Test+Nested.Bestellungen");
            var access = new AccessLogger(logger, new AccessLogSettings { Component = "server.grpc", Name = "server.größe", Address = "[::1]:9002", Enabled = true });
            access.Write(Record());
            logger.LogInformation("plain {Name}", "größe+1");
        }

        var lines = ctx.FileLines("ego.sys").Concat(ctx.FileLines("default.log")).ToList();
        var accessLine = Assert.Single(lines, l => l.Contains("\"msg\":\"access\"", StringComparison.Ordinal));
        Assert.Contains("\"logger\":\"Ego.Test+Nested.Bestellungen\"", accessLine, StringComparison.Ordinal);
        Assert.Contains("\"compName\":\"server.größe\"", accessLine, StringComparison.Ordinal);
        Assert.Contains("\"addr\":\"[::1]:9002\"", accessLine, StringComparison.Ordinal);
        var plain = Assert.Single(lines, l => l.Contains("plain", StringComparison.Ordinal));
        Assert.Contains("\"Name\":\"größe+1\"", plain, StringComparison.Ordinal);
    }

    public static TheoryData<string> Records() => ["ok", "error", "panic", "slow", "bodies", "extras"];

    // The Ego sink writes the fields straight into the line; other providers read the key/value list. Both must carry
    // the same fields, in the same order, with the same values.
    [Theory]
    [MemberData(nameof(Records))]
    public void Write_LineFields_MatchTheKeyValueListOtherProvidersRead(string kind)
    {
        var record = kind switch
        {
            "error" => Record() with { Error = "not found", Code = 5, UniformCode = 404 },
            "panic" => Record() with { Panic = new InvalidOperationException("boom"), Code = 2, UniformCode = 500 },
            "slow" => Record() with { Cost = TimeSpan.FromSeconds(3) },
            "bodies" => Record() with { Request = "req-body", Response = 42 },
            "ok" => Record(),
            _ => Record() with { Extras = [new("x-tenant", "t1"), new("x-region", "eu")], PeerName = "orders" },
        };
        KeyValuePair<string, object?>[] expected = [];

        var root = WriteOne(includeScopes: false, record, kind == "bodies", access => expected = access.Fields(record, access.IsSlow(record.Cost)));

        var written = root.EnumerateObject().SkipWhile(p => p.Name != "msg").Skip(1).Where(p => p.Name != "errorVerbose").ToList();
        Assert.Equal(expected.Select(f => f.Key), written.Select(p => p.Name));
        foreach (var (field, property) in expected.Zip(written))
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(Convert.ToDouble(field.Value, System.Globalization.CultureInfo.InvariantCulture), property.Value.GetDouble());
            }
            else
            {
                Assert.Equal(field.Value?.ToString(), property.Value.GetString());
            }
        }
    }

    private static JsonElement WriteOne(bool includeScopes, AccessRecord record, bool withBodies = false, Action<AccessLogger>? inside = null)
    {
        using var ctx = new LogTestContext();
        using (var provider = ctx.CreateProvider())
        {
            var logger = provider.CreateLogger("Ego.Test.Access");
            var access = new AccessLogger(logger, new AccessLogSettings
            {
                Component = includeScopes ? "client.test" : "server.test",
                Name = "test",
                Address = "127.0.0.1:9002",
                Enabled = true,
                IncludeScopes = includeScopes,
                EnableRequest = withBodies,
                EnableResponse = withBodies,
                SlowThreshold = TimeSpan.FromSeconds(1),
            });
            using var activity = new Activity("call").SetIdFormat(ActivityIdFormat.W3C).Start();
            using (logger.BeginScope(new Dictionary<string, object?> { ["order"] = "o-9" }))
            {
                access.Write(record);
                inside?.Invoke(access);
            }
        }

        var line = Assert.Single(ctx.FileLines("ego.sys"));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static AccessRecord Record() => new()
    {
        Method = "/shop.v1.Orders/Get",
        Cost = TimeSpan.FromMilliseconds(12.3456),
        Code = 0,
        UniformCode = 200,
        PeerIp = "10.0.0.7",
        PeerName = "",
    };
}
