namespace Ego.Proto.Syntax;

/// <summary>A field, a map field (<see cref="MapKeyType"/> set) or an extension field.</summary>
public sealed class ProtoField : ProtoElement
{
    public FieldLabel Label { get; init; }

    /// <summary>The type as written; for a map, the value type.</summary>
    public required string Type { get; init; }

    /// <summary>Key type of a <c>map&lt;K, V&gt;</c> field, null otherwise.</summary>
    public string? MapKeyType { get; init; }

    public bool IsMap => MapKeyType is not null;

    public required string Name { get; init; }

    public required int Number { get; init; }

    public IReadOnlyList<ProtoOption> Options { get; init; } = [];

    /// <summary>The type as it reads in source, e.g. <c>map&lt;string, Foo&gt;</c>.</summary>
    public string DisplayType => IsMap ? $"map<{MapKeyType}, {Type}>" : Type;

    public string? JsonName => Options.FirstOrDefault(o => o.Name == "json_name")?.Value.StringValue;
}
