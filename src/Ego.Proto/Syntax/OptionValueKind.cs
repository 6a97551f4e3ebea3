namespace Ego.Proto.Syntax;

/// <summary>What kind of constant an option value is.</summary>
public enum OptionValueKind
{
    Identifier,
    String,
    Integer,
    Float,
    Aggregate,
    List,
}
