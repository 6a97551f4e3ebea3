using System.Text.RegularExpressions;

namespace Ego.Cli.Gen;

/// <summary>
/// Makes sure the project compiles its protos: the generator turns services, messages and error enums into code at
/// build time, but only for files a <c>&lt;Protobuf Include&gt;</c> item names.
/// </summary>
internal static partial class ProtobufItems
{
    /// <summary>The project text with one item added for <paramref name="protoDirectory"/>, or null when every proto is already included.</summary>
    public static string? Ensure(string projectText, string projectDirectory, string protoDirectory, IEnumerable<string> protoFiles)
    {
        var patterns = ProtobufInclude().Matches(projectText)
            .SelectMany(m => m.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Glob)
            .ToList();
        var missing = protoFiles
            .Select(f => Relative(projectDirectory, Path.Join(protoDirectory, f)))
            .Where(f => !patterns.Any(p => p.IsMatch(f)))
            .ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var root = Relative(projectDirectory, protoDirectory);
        var item = $"  <ItemGroup>\n    <!-- Added by egoctl gen: messages, service bases, clients and errors are generated from these at build time. -->\n    <Protobuf Include=\"{root}/**/*.proto\" ProtoRoot=\"{root}\" GrpcServices=\"Both\" />\n  </ItemGroup>\n";
        var end = projectText.LastIndexOf("</Project>", StringComparison.Ordinal);
        return end < 0 ? null : projectText[..end] + item + projectText[end..];
    }

    private static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');

    private static Regex Glob(string pattern)
    {
        var escaped = Regex.Escape(pattern.Replace('\\', '/'))
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex("^" + escaped + "$", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"<Protobuf\s+Include=""([^""]+)""")]
    private static partial Regex ProtobufInclude();
}
