using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>Rules on the package statement and where the file lives.</summary>
internal static class PackageRules
{
    public static IEnumerable<LintRule> All()
    {
        yield return new LintRule(new LintRuleInfo("PACKAGE_DEFINED", "Every file declares a package.", true), context =>
            context.File.Package is null ? [(new SourcePosition(1, 1), "file should declare a package, e.g. \"package acme.billing.v1;\"")] : []);
        yield return new LintRule(new LintRuleInfo("PACKAGE_LOWER_SNAKE_CASE", "Package sub-names are lower_snake_case.", true), context =>
            context.File.Package is { } p && p.Name.Split('.').Any(part => !NameCase.IsLowerSnake(part))
                ? [(p.NamePosition, $"package \"{p.Name}\" should be lower_snake_case sub-names separated by '.'")]
                : []);
        yield return new LintRule(
            new LintRuleInfo("PACKAGE_VERSION_SUFFIX", "The last package sub-name is a major version, optionally followed by alpha/beta: v1, v1beta1, v2alpha.", true),
            context => context.File.Package is { } p && !NameCase.IsVersion(p.Name.Split('.')[^1])
                ? [(p.NamePosition, $"package \"{p.Name}\" should end in a version such as \".v1\", \".v1beta1\" or \".v2alpha\"")]
                : []);
        yield return new LintRule(
            new LintRuleInfo("PACKAGE_DIRECTORY_MATCH", "Files live in a directory matching their package: x/y/v1/foo.proto for package x.y.v1 (relative to the root).", true),
            DirectoryMatch);
    }

    private static IEnumerable<(SourcePosition, string)> DirectoryMatch(LintContext context)
    {
        if (context.File.Package is not { } package)
        {
            yield break;
        }

        var path = context.File.Path;
        var root = context.Options.Root;
        if (root is not null)
        {
            path = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        }

        var directory = (Path.GetDirectoryName(path) ?? "").Replace('\\', '/');
        var expected = package.Name.Replace('.', '/');

        // Without a root the file's own location is unknown, so the package path only has to end the directory.
        var matches = directory == expected || (root is null && directory.EndsWith("/" + expected, StringComparison.Ordinal));
        if (!matches)
        {
            var shown = directory.Length == 0 ? "the root directory" : $"directory \"{directory}\"";
            yield return (package.NamePosition, $"file is in {shown} but package \"{package.Name}\" expects directory \"{expected}\"");
        }
    }
}
