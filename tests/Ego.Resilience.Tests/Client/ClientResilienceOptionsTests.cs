using Ego.Components;
using Ego.FailFast;
using Ego.Grpc;
using Ego.Resilience.Client;
using Microsoft.Extensions.Configuration;

namespace Ego.Resilience.Tests.Client;

public sealed class ClientResilienceOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Bind_ClientSection_ReadsEgoStyleKeys()
    {
        var config = Config(
            ("grpc:user:addr", "127.0.0.1:1"),
            ("grpc:user:enableBreaker", "false"),
            ("grpc:user:breaker:k", "2"),
            ("grpc:user:breaker:window", "5s"),
            ("grpc:user:retry:maxAttempts", "4"),
            ("grpc:user:retry:codes:0", "UNAVAILABLE"),
            ("grpc:user:retry:codes:1", "DEADLINE_EXCEEDED"),
            ("grpc:user:retry:methods:0", "/helloworld.Greeter/*"),
            ("grpc:user:retry:perMethod:/helloworld.Greeter/SayHello:maxAttempts", "2"),
            ("grpc:user:retry:initialBackoff", "20ms"),
            ("grpc:user:retry:budget:maxTokens", "20"),
            ("grpc:user:hedging:maxAttempts", "2"),
            ("grpc:user:rateLimit:rps", "100"),
            ("grpc:user:rateLimit:burst", "10"));

        var options = ComponentConfiguration.Bind<ClientResilienceOptions>(config, "grpc.user", new CallerLocation("", 0), "test").Options;

        Assert.False(options.EnableBreaker);
        Assert.Equal((2.0, TimeSpan.FromSeconds(5)), (options.Breaker.K, options.Breaker.Window));
        Assert.Equal(4, options.Retry.MaxAttempts);
        Assert.Equal(["UNAVAILABLE", "DEADLINE_EXCEEDED"], options.Retry.Codes);
        Assert.Equal(["/helloworld.Greeter/*"], options.Retry.Methods);
        Assert.Equal(2, options.Retry.PerMethod["/helloworld.Greeter/SayHello"].MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.Retry.InitialBackoff);
        Assert.Equal(20, options.Retry.Budget.MaxTokens);
        Assert.Equal(2, options.Hedging.MaxAttempts);
        Assert.Equal((100.0, 10), (options.RateLimit.Rps, options.RateLimit.Burst));
    }

    [Fact]
    public void Bind_TomlFile_ReadsPerMethodOptionsUnderQuotedMethodNames()
    {
        const string toml = """
            [grpc.user]
            addr = "127.0.0.1:9002"
            enableBreaker = true

            [grpc.user.retry]
            maxAttempts = 3
            codes = ["UNAVAILABLE", "ABORTED"]
            methods = ["/helloworld.Greeter/*"]

            [grpc.user.retry.perMethod."/helloworld.Greeter/Create"]
            enable = false
            """;
        var flat = new Ego.Configuration.TomlConfigFileParser().Parse(toml, "config.toml");
        var config = new ConfigurationBuilder().AddInMemoryCollection(flat).Build();

        var options = ComponentConfiguration.Bind<ClientResilienceOptions>(config, "grpc.user", new CallerLocation("", 0), "test").Options;

        Assert.Equal(["UNAVAILABLE", "ABORTED"], options.Retry.Codes);
        Assert.False(options.Retry.PerMethod["/helloworld.Greeter/Create"].Enable);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ClientResilienceOptions();

        Assert.True(options.EnableBreaker && options.EnableRetry && options.EnableRateLimit);
        Assert.Equal((1.5, 5, TimeSpan.FromSeconds(10), 40, TimeSpan.FromSeconds(1)),
            (options.Breaker.K, options.Breaker.Protection, options.Breaker.Window, options.Breaker.Buckets, options.Breaker.ProbeInterval));
        Assert.Equal((3, 10.0, 0.1), (options.Retry.MaxAttempts, options.Retry.Budget.MaxTokens, options.Retry.Budget.TokenRatio));
        Assert.Equal((1, 0.0), (options.Hedging.MaxAttempts, options.RateLimit.Rps));
    }

    [Fact]
    public void Bind_InvalidValues_ReportsEveryKeyAtOnce()
    {
        var config = Config(
            ("grpc:user:breaker:k", "0.5"),
            ("grpc:user:retry:maxAttempts", "0"),
            ("grpc:user:retry:codes:0", "SOMETIMES"),
            ("grpc:user:retry:budget:tokenRatio", "2"),
            ("grpc:user:rateLimit:rps", "-1"));

        var error = Assert.Throws<EgoStartupException>(() => ComponentConfiguration.Bind<ClientResilienceOptions>(config, "grpc.user", new CallerLocation("", 0), "test"));

        foreach (var key in new[] { "grpc.user.breaker.k", "grpc.user.retry.maxAttempts", "grpc.user.retry.codes: 'SOMETIMES'", "grpc.user.retry.budget.tokenRatio", "grpc.user.rateLimit.rps" })
        {
            Assert.Contains(key, error.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ClientResilience_HttpClientWithGrpcCodeName_ThrowsNamingTheCode()
    {
        var options = new ClientResilienceOptions();
        options.Retry.Codes = ["UNAVAILABLE"];

        var error = Assert.Throws<ArgumentException>(() => new ClientResilience("http.pay", ClientResilience.Http, options));

        Assert.Contains("'UNAVAILABLE' is not an HTTP status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEgoResilience_InvalidKey_FailsTheBuildNamingIt()
    {
        var config = Config(("grpc:user:addr", "127.0.0.1:1"), ("grpc:user:enableBlock", "false"), ("grpc:user:hedging:maxAttempts", "20"));
        var builder = GrpcClient.Load(config, "grpc.user");

        var error = Assert.Throws<EgoStartupException>(() => builder.AddEgoResilience(config));

        Assert.Contains("grpc.user.hedging.maxAttempts", error.Error, StringComparison.Ordinal);
    }
}
