using System.Globalization;
using System.Text.RegularExpressions;
using Ego.Proto.Syntax;

namespace Ego.Proto.Doc.Internal;

/// <summary>
/// The error codes of files marked <c>@plugins=protoc-gen-go-errors</c>, read from the same annotations protoc-gen-ego
/// generates errors from: <c>@code</c> per value, <c>@bizModule</c> per enum and <c>@bizCode</c> per value. The doc
/// shows what is there; protoc-gen-ego is the one that rejects bad annotations.
/// </summary>
internal static partial class ErrorCodeReader
{
    public static IReadOnlyList<ErrorCodeRow> Read(IEnumerable<ProtoFile> files)
    {
        var rows = new List<ErrorCodeRow>();
        foreach (var file in files.Where(IsMarked))
        {
            foreach (var e in file.Enums)
            {
                var module = Annotation(e, "bizModule") is { Length: 6 } m ? int.Parse(m, CultureInfo.InvariantCulture) : (int?)null;
                foreach (var value in e.Values)
                {
                    var codeName = Annotation(value, "code");
                    int? code = null, http = null;
                    if (codeName is not null && GrpcStatusTable.TryGet(codeName, out var c, out var h))
                    {
                        (code, http) = (c, h);
                    }

                    var reason = file.PackageName.Length > 0 ? $"{file.PackageName}.{value.Name}" : value.Name;
                    rows.Add(new ErrorCodeRow(e.Name, value.Name, reason, codeName, code, http, BusinessCode(Annotation(value, "bizCode"), module), Text(value)));
                }
            }
        }

        return rows;
    }

    /// <summary>The comment of <paramref name="element"/> without annotation lines.</summary>
    public static string Text(ProtoElement element)
    {
        var content = element.Comments.Leading?.Content ?? element.Comments.Trailing?.Content ?? "";
        return string.Join("\n", content.Split('\n').Where(l => !AnnotationLine().IsMatch(l.Trim()))).Trim();
    }

    private static bool IsMarked(ProtoFile file)
    {
        IEnumerable<ProtoElement?> elements = [file.SyntaxDeclaration, file.Package, .. file.Imports, .. file.Options, .. file.Definitions];
        return elements.OfType<ProtoElement>().SelectMany(e => e.Comments.All()).Concat(file.EndComments)
            .SelectMany(c => c.Content.Split('\n'))
            .Select(l => PluginsLine().Match(l.Trim()))
            .Any(m => m.Success && m.Groups[1].Value.Split(',').Contains("protoc-gen-go-errors", StringComparer.Ordinal));
    }

    private static string? Annotation(ProtoElement element, string key)
        => (element.Comments.Leading?.Content ?? "").Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith($"@{key}=", StringComparison.Ordinal))
            .Select(l => l[(key.Length + 2)..])
            .FirstOrDefault();

    private static long? BusinessCode(string? digits, int? module)
    {
        if (digits is null || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return module is { } m
            ? digits.Length <= 4 ? m * 10_000L + number : null
            : digits.Length == 10 && number >= 1_000_000_000 ? number : null;
    }

    [GeneratedRegex(@"^@[\w.]+=")]
    private static partial Regex AnnotationLine();

    [GeneratedRegex(@"^@plugins=([A-Za-z0-9_,-]+)")]
    private static partial Regex PluginsLine();
}
