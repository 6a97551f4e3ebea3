using System.Collections.Frozen;
using Ego.Resilience.RateLimiting.Internal;

namespace Ego.Resilience.RateLimiting;

/// <summary>The rules of a rules file: one per method or route, and an optional default for every other.</summary>
public sealed class RateLimitRules
{
    /// <summary>The target name of the default rule (the <c>[default]</c> table).</summary>
    public const string DefaultTarget = "*";

    /// <summary>No rules: nothing is limited.</summary>
    public static readonly RateLimitRules Empty = new(FrozenDictionary<string, RateLimitRule>.Empty, null);

    internal RateLimitRules(FrozenDictionary<string, RateLimitRule> byTarget, RateLimitRule? @default)
    {
        ByTarget = byTarget;
        Default = @default;
    }

    /// <summary>The rules of named methods and routes.</summary>
    public IReadOnlyDictionary<string, RateLimitRule> ByTarget { get; }

    /// <summary>The rule of every method or route without its own; <c>null</c> for none.</summary>
    public RateLimitRule? Default { get; }

    /// <summary>Reads and checks a .toml or .json rules file.</summary>
    /// <exception cref="RateLimitRulesException">The file cannot be read, does not parse or holds an invalid rule; the message has file:line.</exception>
    public static RateLimitRules Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RateLimitRulesException(path, 0, "cannot be read: " + exception.Message, exception);
        }

        return Parse(text, path);
    }

    /// <summary>Parses the text of a rules file; the format comes from <paramref name="path"/>'s extension.</summary>
    /// <exception cref="RateLimitRulesException">The text does not parse or holds an invalid rule.</exception>
    public static RateLimitRules Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var tables = RuleDocumentReader.Read(text, path);
        var builder = new RuleBuilder(text, path);
        RateLimitRule? @default = null;
        var byTarget = new Dictionary<string, RateLimitRule>(StringComparer.Ordinal);
        foreach (var (target, fields) in tables)
        {
            var rule = builder.Build(target, fields);
            if (target == DefaultTarget)
            {
                @default = rule;
            }
            else
            {
                byTarget[target] = rule;
            }
        }

        return new RateLimitRules(byTarget.ToFrozenDictionary(StringComparer.Ordinal), @default);
    }
}
