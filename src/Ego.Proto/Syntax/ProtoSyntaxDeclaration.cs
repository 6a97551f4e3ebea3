namespace Ego.Proto.Syntax;

/// <summary><c>syntax = "proto3";</c> or <c>edition = "2023";</c>.</summary>
public sealed class ProtoSyntaxDeclaration : ProtoElement
{
    /// <summary><c>syntax</c> or <c>edition</c>.</summary>
    public required string Keyword { get; init; }

    public required string Value { get; init; }
}
