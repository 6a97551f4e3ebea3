using Ego.Proto.Syntax;

namespace Ego.Proto;

/// <summary>A finding of the parser, linter or breaking-change detector; prints as <c>file:line:col RULE message</c>.</summary>
public sealed record ProtoDiagnostic(string Path, SourcePosition Position, string RuleId, string Message)
{
    public override string ToString() => $"{Path}:{Position.Line}:{Position.Column} {RuleId} {Message}";
}
