using System.Reflection;

namespace Ego.Cli.Internal;

/// <summary>The template files embedded in egoctl (New/Templates, Gen/Templates), by path under their folder.</summary>
internal static class EmbeddedTemplates
{
    private const string Prefix = "templates/";

    public static string Read(string path)
    {
        // MSBuild writes the folder part of resource names with the build machine's separator.
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(Prefix + path)
            ?? assembly.GetManifestResourceStream((Prefix + path).Replace('/', '\\'))
            ?? throw new InvalidOperationException($"egoctl has no embedded template '{path}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
