namespace Ego.Proto.Syntax;

/// <summary>A constant: scalar, aggregate <c>{ a: 1 }</c> or list <c>[1, 2]</c> (lists only inside aggregates).</summary>
public sealed class ProtoOptionValue
{
    public required OptionValueKind Kind { get; init; }

    /// <summary>Scalar as written (strings keep quotes and escapes; concatenated strings are joined by a space).</summary>
    public string Text { get; init; } = "";

    /// <summary>Decoded value of a string constant.</summary>
    public string? StringValue { get; init; }

    public IReadOnlyList<ProtoAggregateField> Fields { get; init; } = [];

    public IReadOnlyList<ProtoOptionValue> Items { get; init; } = [];

    public override string ToString() => Kind switch
    {
        OptionValueKind.Aggregate => "{ " + string.Join(" ", Fields.Select(f => $"{f.Name}: {f.Value}")) + " }",
        OptionValueKind.List => "[" + string.Join(", ", Items) + "]",
        _ => Text,
    };
}
