using System.Text.RegularExpressions;
using Ego.Cli.Internal;

namespace Ego.Cli.Gen;

/// <summary>The service project <c>egoctl gen</c> writes into, its protos and its test project.</summary>
internal sealed partial record GenProject(string Directory, string ProjectFile, string RootNamespace, string ProtoDirectory, string? TestsDirectory, string? TestsNamespace)
{
    /// <summary>
    /// Finds the project: <paramref name="output"/>, else the current directory when it holds a .csproj, else the single
    /// project under ./src (the layout of <c>egoctl new</c>). Tests default to tests/PROJECT.Tests next to src/.
    /// </summary>
    public static GenProject Locate(string? output, string? proto, string? tests)
    {
        var directory = output ?? (Projects(".").Length > 0 ? "." : SingleProjectUnderSrc());
        if (!System.IO.Directory.Exists(directory))
        {
            throw new CliException($"--output {directory}: no such directory: expected the service project's directory");
        }

        var projects = Projects(directory);
        if (projects.Length != 1)
        {
            throw new CliException($"--output {directory}: {(projects.Length == 0 ? "holds no .csproj" : "holds several .csproj files")}: expected the directory of one service project");
        }

        var projectFile = projects[0];
        var name = Path.GetFileNameWithoutExtension(projectFile);
        var rootNamespace = RootNamespaceElement().Match(ReadText(projectFile, "--output")) is { Success: true } m ? m.Groups[1].Value : name;
        var protoDirectory = proto ?? Path.Join(directory, "Protos");
        if (!System.IO.Directory.Exists(protoDirectory))
        {
            throw new CliException($"--proto {protoDirectory}: no such directory: expected the directory holding the service's .proto files");
        }

        var testsDirectory = tests ?? Path.Join(directory, "..", "..", "tests", name + ".Tests");
        if (tests is not null && !System.IO.Directory.Exists(tests))
        {
            throw new CliException($"--tests {tests}: no such directory: expected the service's test project directory");
        }

        return System.IO.Directory.Exists(testsDirectory)
            ? new GenProject(directory, projectFile, rootNamespace, protoDirectory, testsDirectory, FindTestsNamespace(testsDirectory, rootNamespace))
            : new GenProject(directory, projectFile, rootNamespace, protoDirectory, null, null);
    }

    public static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{what} {path}: cannot be read: {exception.Message}");
        }
    }

    private static string[] Projects(string directory) => System.IO.Directory.GetFiles(directory, "*.csproj");

    private static string SingleProjectUnderSrc()
    {
        var candidates = System.IO.Directory.Exists("src")
            ? System.IO.Directory.GetDirectories("src").Where(d => Projects(d).Length > 0).ToArray()
            : [];
        return candidates.Length == 1
            ? candidates[0]
            : throw new CliException("no service project here: run egoctl gen in the service's root (with src/PROJECT/) or its project directory, or pass --output DIR");
    }

    private static string FindTestsNamespace(string testsDirectory, string rootNamespace)
    {
        var project = System.IO.Directory.GetFiles(testsDirectory, "*.csproj").FirstOrDefault();
        return project is not null && RootNamespaceElement().Match(ReadText(project, "--tests")) is { Success: true } m
            ? m.Groups[1].Value
            : project is not null ? Path.GetFileNameWithoutExtension(project) : rootNamespace + ".Tests";
    }

    [GeneratedRegex(@"<RootNamespace>\s*([\w.]+)\s*</RootNamespace>")]
    private static partial Regex RootNamespaceElement();
}
