namespace Ego.Proto.Syntax;

/// <summary>An option statement or an entry of a <c>[...]</c> list, e.g. <c>(foo.bar).baz = 1</c>.</summary>
public sealed class ProtoOption : ProtoElement
{
    /// <summary>Name as written without spaces, e.g. <c>java_package</c> or <c>(foo.bar).baz</c>.</summary>
    public required string Name { get; init; }

    public required ProtoOptionValue Value { get; init; }
}
