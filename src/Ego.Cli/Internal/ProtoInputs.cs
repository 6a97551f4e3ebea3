using Ego.Proto;

namespace Ego.Cli.Internal;

/// <summary>Reads the .proto files named on the command line: files as given, directories recursively.</summary>
internal static class ProtoInputs
{
    /// <exception cref="CliException">A path does not exist, or a file is not a .proto file.</exception>
    public static ProtoSet Load(IReadOnlyList<string> paths)
    {
        var sources = new List<KeyValuePair<string, string>>();
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.proto", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    sources.Add(new(Display(Path.Join(path, Path.GetRelativePath(path, file))), Read(file)));
                }
            }
            else if (File.Exists(path))
            {
                if (!path.EndsWith(".proto", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException($"{path}: not a .proto file");
                }

                sources.Add(new(Display(path), Read(path)));
            }
            else
            {
                throw new CliException($"{path}: no such file or directory");
            }
        }

        return ProtoSet.Parse(sources);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot be read: {exception.Message}");
        }
    }

    /// <summary>Paths are reported the way the user wrote them, so editors and CI annotations can open them.</summary>
    private static string Display(string path) => path.Replace('\\', '/');
}
