namespace Ego.Components;

/// <summary>One invalid option value: the key relative to its section and what was expected.</summary>
public readonly record struct ComponentOptionError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
