using Ego.Proto.Syntax;

namespace Ego.Proto.Descriptors;

/// <summary>
/// Picks the files of a descriptor-set baseline that a breaking-change check should compare against .proto sources.
/// </summary>
public static class DescriptorBaseline
{
    /// <summary>
    /// Returns the files of <paramref name="baseline"/> (from <see cref="ProtoSet.LoadDescriptorSet"/>) to compare with
    /// <paramref name="compared"/>. A baseline file named <c>a/b.proto</c> takes the path of the compared file that is
    /// <c>a/b.proto</c> or ends in <c>/a/b.proto</c>, so findings and package checks line up with the sources. Files that
    /// <c>--include_imports</c> pulled in are left out: a file is kept when it matches a compared file's path, declares a
    /// package some compared file declares, or is not imported by another baseline file (and is not a
    /// <c>google/protobuf/</c> well-known type). A deleted source file is still reported unless it only ever served as
    /// another file's import in a package of its own.
    /// </summary>
    public static IReadOnlyList<ProtoFile> Select(ProtoSet baseline, IReadOnlyList<ProtoFile> compared)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(compared);
        var packages = compared.Select(f => f.PackageName).ToHashSet(StringComparer.Ordinal);
        var imported = baseline.Files.SelectMany(f => f.Imports).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);

        // Each source pairs with its longest matching baseline name, so "v1/order.proto" wins over "order.proto".
        var pairedWith = compared.ToDictionary(
            c => c.Path, c => baseline.Files.Where(f => Matches(c.Path, f.Path)).MaxBy(f => f.Path.Length)?.Path, StringComparer.Ordinal);
        var selected = new List<ProtoFile>();
        foreach (var file in baseline.Files)
        {
            var match = compared.Where(c => pairedWith[c.Path] == file.Path).MinBy(c => c.Path.Length);
            if (match is not null)
            {
                selected.Add(WithPath(file, match.Path));
            }
            else if (packages.Contains(file.PackageName)
                     || (!imported.Contains(file.Path) && !file.Path.StartsWith("google/protobuf/", StringComparison.Ordinal)))
            {
                selected.Add(file);
            }
        }

        return selected;
    }

    private static bool Matches(string sourcePath, string descriptorName) =>
        sourcePath == descriptorName || sourcePath.EndsWith("/" + descriptorName, StringComparison.Ordinal);

    private static ProtoFile WithPath(ProtoFile file, string path) => file.Path == path ? file : new ProtoFile
    {
        Path = path,
        Text = file.Text,
        SyntaxDeclaration = file.SyntaxDeclaration,
        Package = file.Package,
        Imports = file.Imports,
        Options = file.Options,
        Definitions = file.Definitions,
        EndComments = file.EndComments,
    };
}
