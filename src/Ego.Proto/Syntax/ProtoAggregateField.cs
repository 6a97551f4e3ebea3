namespace Ego.Proto.Syntax;

/// <summary>One <c>name: value</c> entry of an aggregate option value.</summary>
public sealed class ProtoAggregateField
{
    /// <summary>Field name, or <c>[ext.name]</c> for extensions and Any type URLs.</summary>
    public required string Name { get; init; }

    public required ProtoOptionValue Value { get; init; }
}
