using Ego.Proto.Doc.Internal;
using Ego.Proto.Syntax;

namespace Ego.Proto.Doc;

/// <summary>Generates reference pages from .proto comments, one page per package, as Markdown or as self-contained HTML.</summary>
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

    /// <summary>
    /// Returns package name → one self-contained HTML page (inline CSS, no external assets), ordered by package name: services
    /// with request and response field tables, messages, enums, and the error codes of files marked
    /// <c>@plugins=protoc-gen-go-errors</c> with gRPC code, HTTP status and business code. Links to another package's types
    /// point at <c>&lt;package&gt;.html</c> (<c>default.html</c> for files without a package).
    /// </summary>
    public static IReadOnlyDictionary<string, string> GenerateHtml(IReadOnlyList<ProtoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in files.GroupBy(f => f.PackageName))
        {
            pages[package.Key] = new HtmlPage(package.Key, [.. package], files).Render();
        }

        return pages;
    }
}
