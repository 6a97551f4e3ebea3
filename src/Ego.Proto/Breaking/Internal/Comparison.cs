using Ego.Proto.Syntax;

namespace Ego.Proto.Breaking.Internal;

/// <summary>One run of the breaking-change comparison; collects findings.</summary>
internal sealed partial class Comparison
{
    private readonly IReadOnlyList<ProtoFile> _beforeFiles;
    private readonly IReadOnlyList<ProtoFile> _afterFiles;
    private readonly SymbolTable _before;
    private readonly SymbolTable _after;
    private readonly List<ProtoDiagnostic> _findings = [];

    public Comparison(IReadOnlyList<ProtoFile> before, IReadOnlyList<ProtoFile> after)
    {
        _beforeFiles = before;
        _afterFiles = after;
        _before = SymbolTable.Build(before);
        _after = SymbolTable.Build(after);
    }

    public List<ProtoDiagnostic> Run()
    {
        ComparePackages();
        CompareMessages();
        CompareEnums();
        CompareServices();
        return _findings;
    }

    private void Report(ProtoFile file, ProtoElement element, string rule, string message) =>
        _findings.Add(new ProtoDiagnostic(file.Path, element.Position, rule, message));

    private void ComparePackages()
    {
        var afterByPath = _afterFiles.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var old in _beforeFiles)
        {
            if (afterByPath.TryGetValue(old.Path, out var now) && old.PackageName != now.PackageName)
            {
                var where = (ProtoElement?)now.Package ?? now.SyntaxDeclaration;
                var position = where?.Position ?? new SourcePosition(1, 1);
                _findings.Add(new ProtoDiagnostic(now.Path, position, BreakingRules.PackageChanged,
                    $"package changed from \"{old.PackageName}\" to \"{now.PackageName}\""));
            }
        }
    }

    private static bool IsReserved(IEnumerable<ProtoReserved> reserved, long number) =>
        reserved.Any(r => r.Ranges.Any(range => range.Contains(number)));

    private static bool IsReservedName(IEnumerable<ProtoReserved> reserved, string name) =>
        reserved.Any(r => r.Names.Contains(name, StringComparer.Ordinal));
}
