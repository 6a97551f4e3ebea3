using Ego.Configuration;
using Microsoft.Extensions.Configuration;

namespace Ego.Core.Tests.Configuration;

public sealed class ConfigurationDumpTests
{
    [Fact]
    public void ToJson_SecretKeysAndCredentials_AreRedacted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["redis:cache:password"] = "p1",
            ["http:pay:accessToken"] = "t1",
            ["http:pay:clientSecret"] = "s1",
            ["db:main:dsn"] = "root:p2@tcp(127.0.0.1:3306)/ego?charset=utf8mb4",
            ["db:pg:dsn"] = "Host=db;Username=app;Password=p3;Database=x",
            ["trace:otlp:headers:Authorization"] = "Bearer a1",
            ["server:grpc:port"] = "9002",
        }).Build();

        var json = ConfigurationDump.ToJson(configuration);

        Assert.DoesNotContain("Bearer a1", json);
        foreach (var secret in new[] { "p1", "t1", "s1", "p2", "p3" })
        {
            Assert.DoesNotContain($"\"{secret}\"", json);
            Assert.DoesNotContain(":" + secret + "@", json);
            Assert.DoesNotContain("=" + secret, json);
        }

        Assert.Contains("root:******@tcp(127.0.0.1:3306)", json);
        Assert.Contains("\"9002\"", json);
    }

    [Fact]
    public void ToJson_IndexedKeys_BecomeArrays()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["peers:0"] = "a",
            ["peers:1"] = "b",
        }).Build();

        var json = ConfigurationDump.ToJson(configuration).Replace(" ", "").Replace("\n", "");

        Assert.Contains("\"peers\":[\"a\",\"b\"]", json);
    }
}
