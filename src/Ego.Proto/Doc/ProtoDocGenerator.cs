using Ego.Proto.Doc.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Doc;

/// <summary>Generates Markdown reference pages from .proto comments, one page per package.</summary>
public static class ProtoDocGenerator
{
    /// <summary>Returns package name → Markdown, ordered by package name. Files without a package go under "".</summary>
    public static IReadOnlyDictionary<string, string> Generate(IReadOnlyList<ProtoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in files.GroupBy(f => f.PackageName))
        {
            pages[package.Key] = new MarkdownPage(package.Key, [.. package], files).Render();
        }

        return pages;
    }
}
