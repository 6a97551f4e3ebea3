namespace Ego.Proto.Lint.Internal;

/// <summary>Shape of a lint config file (YAML or JSON).</summary>
internal sealed class LintConfigDocument
{
    public List<string>? Disable { get; set; }

    public List<string>? Enable { get; set; }

    public string? EnumZeroValueSuffix { get; set; }

    public string? Root { get; set; }
}
