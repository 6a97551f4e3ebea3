namespace Ego.Proto.Syntax;

/// <summary>The modifier of an import statement.</summary>
public enum ImportModifier
{
    None,
    Weak,
    Public,
}
