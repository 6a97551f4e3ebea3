namespace Ego.Components;

/// <summary>The file:line of the code that asked for a component, shown as <c>loc</c> in fail-fast errors.</summary>
public readonly record struct CallerLocation(string File, int Line)
{
    public static CallerLocation Unknown { get; } = new("", 0);

    public bool IsKnown => !string.IsNullOrEmpty(File);

    public override string ToString() => IsKnown ? $"{File}:{Line}" : "unknown";
}
