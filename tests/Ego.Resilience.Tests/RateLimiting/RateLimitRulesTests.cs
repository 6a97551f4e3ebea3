using Ego.Resilience.RateLimiting;

namespace Ego.Resilience.Tests.RateLimiting;

public sealed class RateLimitRulesTests
{
    private const string Toml = """
        # every method or route without its own rule
        [default]
        type = "tokenBucket"
        permits = 100
        tokensPerPeriod = 50
        period = "1s"

        [rules."/helloworld.Greeter/SayHello"]
        type = "slidingWindow"
        permits = 10
        period = "2s"
        segments = 4

        [rules."GET./users/{id:int}"]
        type = "concurrency"
        permits = 5
        """;

    [Fact]
    public void Parse_Toml_ReadsDefaultAndRulesPerMethodAndRoute()
    {
        var rules = RateLimitRules.Parse(Toml, "ratelimit.toml");

        Assert.Equal(new RateLimitRule("*", RateLimiterKind.TokenBucket, 100, TimeSpan.FromSeconds(1), 50, 10), rules.Default);
        Assert.Equal(new RateLimitRule("/helloworld.Greeter/SayHello", RateLimiterKind.SlidingWindow, 10, TimeSpan.FromSeconds(2), 10, 4), rules.ByTarget["/helloworld.Greeter/SayHello"]);
        Assert.Equal(RateLimiterKind.Concurrency, rules.ByTarget["GET./users/{id:int}"].Kind);
        Assert.Equal(5, rules.ByTarget["GET./users/{id:int}"].Permits);
    }

    [Fact]
    public void Parse_Json_ReadsTheSameShape()
    {
        var rules = RateLimitRules.Parse("""
            {
              "rules": {
                "/pkg.Svc/Get": { "type": "tokenBucket", "permits": 3, "period": "500ms" }
              }
            }
            """, "ratelimit.json");

        Assert.Null(rules.Default);
        var rule = Assert.Single(rules.ByTarget).Value;
        Assert.Equal(new RateLimitRule("/pkg.Svc/Get", RateLimiterKind.TokenBucket, 3, TimeSpan.FromMilliseconds(500), 3, 10), rule);
    }

    [Fact]
    public void Parse_TomlSyntaxError_NamesFileAndLine()
    {
        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse("[default]\ntype = \"tokenBucket\"\npermits = = 3\n", "config/ratelimit.toml"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("config/ratelimit.toml:3: ", error.Message);
    }

    [Fact]
    public void Parse_JsonSyntaxError_NamesFileAndLine()
    {
        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse("{\n  \"rules\": {\n    \"/a.B/C\": { \"type\": }\n  }\n}", "r.json"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("r.json:3: ", error.Message);
    }

    [Fact]
    public void Parse_UnknownType_NamesLineOfTheTypeField()
    {
        var text = Toml.Replace("type = \"concurrency\"", "type = \"leakyBucket\"", StringComparison.Ordinal);

        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse(text, "r.toml"));

        Assert.Equal(LineOf(text, "leakyBucket"), error.Line);
        Assert.Contains("rules.\"GET./users/{id:int}\".type 'leakyBucket' is not supported: expected tokenBucket, slidingWindow or concurrency", error.Message);
    }

    [Fact]
    public void Parse_NonPositivePermits_NamesLineAndExpectation()
    {
        var text = Toml.Replace("permits = 5", "permits = 0", StringComparison.Ordinal);

        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse(text, "r.toml"));

        Assert.Equal(LineOf(text, "permits = 0"), error.Line);
        Assert.Contains("permits '0' is not a positive integer", error.Message);
    }

    [Fact]
    public void Parse_MissingPeriod_SaysWhatIsExpected()
    {
        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse("[rules.\"/a.B/C\"]\ntype = \"tokenBucket\"\npermits = 1\n", "r.toml"));

        Assert.Contains("period '' is not a positive duration", error.Message);
    }

    [Fact]
    public void Parse_TargetNotAMethodOrRoute_IsRejected()
    {
        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse("[rules.\"SayHello\"]\ntype = \"concurrency\"\npermits = 1\n", "r.toml"));

        Assert.Equal(1, error.Line);
        Assert.Contains("'SayHello' is not a gRPC method or HTTP route", error.Message);
    }

    [Fact]
    public void Parse_UnknownField_NamesIt()
    {
        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Parse("[default]\ntype = \"concurrency\"\npermits = 1\nburst = 4\n", "r.toml"));

        Assert.Equal(4, error.Line);
        Assert.Contains("default.burst is not a rule field", error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotBeRead()
    {
        var error = Assert.Throws<RateLimitRulesException>(() => RateLimitRules.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".toml")));

        Assert.Contains("cannot be read", error.Message);
    }

    private static int LineOf(string text, string fragment) =>
        Array.FindIndex(text.Split('\n'), line => line.Contains(fragment, StringComparison.Ordinal)) + 1;
}
