namespace Ego.Proto.Syntax;

/// <summary><c>reserved 2, 15, 9 to 11;</c> or <c>reserved "foo", "bar";</c> (or editions' bare identifiers).</summary>
public sealed class ProtoReserved : ProtoElement
{
    public IReadOnlyList<ProtoRange> Ranges { get; init; } = [];

    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Whether names were written as identifiers (editions) rather than strings.</summary>
    public bool NamesAreIdentifiers { get; init; }
}
