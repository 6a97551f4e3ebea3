using System.Text.RegularExpressions;

namespace Ego.Cli.Gen;

/// <summary>The user's class deriving from a generated service base, found by scanning the project's sources.</summary>
internal sealed partial record ServiceImplementation(string ClassName, string Namespace, bool IsPartial)
{
    public static ServiceImplementation? Find(IReadOnlyList<CSharpSource> sources, string service)
    {
        var declaration = new Regex($@"(?<modifiers>(?:\b\w+\s+)*)class\s+(?<name>\w+)\s*(?:\([^)]*\))?\s*:\s*(?:[\w.]+\.)?{Regex.Escape(service)}\.{Regex.Escape(service)}Base\b");
        foreach (var source in sources)
        {
            var match = declaration.Match(source.Text);
            if (match.Success)
            {
                var ns = NamespaceDeclaration().Match(source.Text) is { Success: true } n ? n.Groups[1].Value : "";
                return new ServiceImplementation(match.Groups["name"].Value, ns, match.Groups["modifiers"].Value.Split(' ', StringSplitOptions.TrimEntries).Contains("partial"));
            }
        }

        return null;
    }

    /// <summary>True when a source other than <paramref name="exceptPath"/> overrides <paramref name="rpc"/>.</summary>
    public static bool Overrides(IReadOnlyList<CSharpSource> sources, string rpc, string exceptPath)
    {
        var method = new Regex($@"\boverride\s+[^;{{}}=()]*\b{Regex.Escape(rpc)}\s*\(");
        return sources.Any(s => s.Path != Path.GetFullPath(exceptPath) && method.IsMatch(s.Text));
    }

    /// <summary>True when a test other than <paramref name="exceptPath"/> calls <paramref name="rpc"/> on a client.</summary>
    public static bool IsCalled(IReadOnlyList<CSharpSource> tests, string rpc, string exceptPath)
    {
        var call = new Regex($@"\.{Regex.Escape(rpc)}(?:Async)?\s*\(");
        return tests.Any(s => s.Path != Path.GetFullPath(exceptPath) && call.IsMatch(s.Text));
    }

    [GeneratedRegex(@"\bnamespace\s+([\w.]+)\s*[;{]")]
    private static partial Regex NamespaceDeclaration();
}
