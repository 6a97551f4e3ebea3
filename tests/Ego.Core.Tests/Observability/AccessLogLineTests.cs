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

    private static JsonElement WriteOne(bool includeScopes, AccessRecord record)
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
            });
            using var activity = new Activity("call").SetIdFormat(ActivityIdFormat.W3C).Start();
            using (logger.BeginScope(new Dictionary<string, object?> { ["order"] = "o-9" }))
            {
                access.Write(record);
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
