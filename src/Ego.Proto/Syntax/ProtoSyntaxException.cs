namespace Ego.Proto.Syntax;

/// <summary>A .proto file that does not parse; the message reads <c>file:line:col: expected X, found Y</c>.</summary>
public sealed class ProtoSyntaxException : FormatException
{
    public ProtoSyntaxException(string path, SourcePosition position, string reason)
        : base($"{path}:{position.Line}:{position.Column}: {reason}")
    {
        Path = path;
        Position = position;
        Reason = reason;
    }

    public string Path { get; }

    public SourcePosition Position { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The error as a diagnostic with rule id <c>SYNTAX</c>.</summary>
    public ProtoDiagnostic ToDiagnostic() => new(Path, Position, "SYNTAX", Reason);
}
