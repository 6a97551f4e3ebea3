namespace Ego.Proto.Lint;

/// <summary>A lint rule: its id (as used in config files and diagnostics), what it checks, and whether it runs by default.</summary>
public sealed record LintRuleInfo(string Id, string Description, bool EnabledByDefault);
