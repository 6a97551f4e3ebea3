namespace Ego.Proto.Syntax;

/// <summary>The label written before a field's type; <see cref="None"/> for proto3 singular and map fields.</summary>
public enum FieldLabel
{
    None,
    Optional,
    Required,
    Repeated,
}
