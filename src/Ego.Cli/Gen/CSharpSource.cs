namespace Ego.Cli.Gen;

/// <summary>A C# file of the project, read once: its path, text, and whether it is a generated file nobody edited.</summary>
internal sealed record CSharpSource(string Path, string Text, bool UneditedGenerated)
{
    /// <summary>Every .cs file under <paramref name="directory"/>, outside bin/ and obj/.</summary>
    public static IReadOnlyList<CSharpSource> Load(string? directory)
    {
        if (directory is null)
        {
            return [];
        }

        var separator = System.IO.Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var text = GenProject.ReadText(f, "source");
                return new CSharpSource(System.IO.Path.GetFullPath(f), text, GeneratedFile.IsUnedited(text));
            })
            .ToList();
    }
}
