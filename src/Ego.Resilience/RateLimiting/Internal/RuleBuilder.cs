using System.Globalization;
using Ego.Configuration;

namespace Ego.Resilience.RateLimiting.Internal;

/// <summary>Turns the fields of one rule into a checked <see cref="RateLimitRule"/>; errors name the file:line of the field.</summary>
internal sealed class RuleBuilder(string text, string path)
{
    private static readonly HashSet<string> Known = ["type", "permits", "period", "tokensPerPeriod", "segments"];

    public RateLimitRule Build(string target, Dictionary<string, string> fields)
    {
        var name = target == RateLimitRules.DefaultTarget ? "default" : target;
        if (target != RateLimitRules.DefaultTarget && !IsTarget(target))
        {
            throw Error(target, null, $"'{target}' is not a gRPC method or HTTP route: expected \"/package.Service/Method\" or \"GET./path\"");
        }

        foreach (var key in fields.Keys)
        {
            if (!Known.Contains(key))
            {
                throw Error(name, key, $"{Where(name)}.{key} is not a rule field: expected type, permits, period, tokensPerPeriod or segments");
            }
        }

        if (!fields.TryGetValue("type", out var typeText))
        {
            throw Error(name, null, $"{Where(name)} has no type: expected type = \"tokenBucket\", \"slidingWindow\" or \"concurrency\"");
        }

        var kind = typeText switch
        {
            "tokenBucket" => RateLimiterKind.TokenBucket,
            "slidingWindow" => RateLimiterKind.SlidingWindow,
            "concurrency" => RateLimiterKind.Concurrency,
            _ => throw Error(name, "type", $"{Where(name)}.type '{typeText}' is not supported: expected tokenBucket, slidingWindow or concurrency"),
        };
        var permits = Integer(name, fields, "permits", null);
        var period = TimeSpan.Zero;
        if (kind != RateLimiterKind.Concurrency)
        {
            if (!fields.TryGetValue("period", out var periodText) || !Duration.TryParse(periodText, out period) || period <= TimeSpan.Zero)
            {
                throw Error(name, "period", $"{Where(name)}.period '{periodText}' is not a positive duration: expected e.g. \"1s\" or \"100ms\"");
            }
        }

        var tokens = Integer(name, fields, "tokensPerPeriod", permits);
        var segments = Integer(name, fields, "segments", 10);
        if (kind == RateLimiterKind.SlidingWindow && period / segments < TimeSpan.FromMilliseconds(1))
        {
            throw Error(name, "segments", $"{Where(name)}.segments {segments} makes slices shorter than 1ms: expected fewer segments or a longer period");
        }

        return new RateLimitRule(target, kind, permits, period, tokens, segments);
    }

    private int Integer(string name, Dictionary<string, string> fields, string key, int? fallback)
    {
        if (!fields.TryGetValue(key, out var text))
        {
            return fallback ?? throw Error(name, null, $"{Where(name)} has no {key}: expected a positive integer");
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw Error(name, key, $"{Where(name)}.{key} '{text}' is not a positive integer");
        }

        return value;
    }

    private static string Where(string name) => name == "default" ? "default" : $"rules.\"{name}\"";

    private static bool IsTarget(string target)
    {
        if (target.StartsWith('/'))
        {
            var slash = target.IndexOf('/', 1);
            return slash > 1 && slash < target.Length - 1;
        }

        var dot = target.IndexOf("./", StringComparison.Ordinal);
        return dot > 0 && target.AsSpan(0, dot).IndexOfAnyExceptInRange('A', 'Z') < 0;
    }

    private RateLimitRulesException Error(string name, string? field, string reason) =>
        new(path, RuleLocator.Line(text, name, field), reason);
}
