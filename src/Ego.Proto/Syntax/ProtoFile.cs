namespace Ego.Proto.Syntax;

/// <summary>A parsed .proto file.</summary>
public sealed class ProtoFile
{
    /// <summary>The path the file was parsed under (used in diagnostics and directory checks).</summary>
    public required string Path { get; init; }

    /// <summary>The source text.</summary>
    public required string Text { get; init; }

    public ProtoSyntaxDeclaration? SyntaxDeclaration { get; init; }

    public ProtoPackage? Package { get; init; }

    public IReadOnlyList<ProtoImport> Imports { get; init; } = [];

    public IReadOnlyList<ProtoOption> Options { get; init; } = [];

    /// <summary>Messages, enums, services and extends in source order.</summary>
    public IReadOnlyList<ProtoElement> Definitions { get; init; } = [];

    /// <summary>Comments after the last element.</summary>
    public IReadOnlyList<ProtoComment> EndComments { get; init; } = [];

    /// <summary><c>proto2</c>, <c>proto3</c> or <c>editions</c>; <c>proto2</c> when no syntax statement is present, as protoc assumes.</summary>
    public string Syntax => SyntaxDeclaration is null ? "proto2"
        : SyntaxDeclaration.Keyword == "edition" ? "editions" : SyntaxDeclaration.Value;

    public string PackageName => Package?.Name ?? "";

    public IEnumerable<ProtoMessage> Messages => Definitions.OfType<ProtoMessage>();

    public IEnumerable<ProtoEnum> Enums => Definitions.OfType<ProtoEnum>();

    public IEnumerable<ProtoService> Services => Definitions.OfType<ProtoService>();

    public IEnumerable<ProtoExtend> Extends => Definitions.OfType<ProtoExtend>();
}
