using System.Globalization;
using Ego.Tests.Shared;

namespace Ego.Cli.Tests.New;

/// <summary>
/// The Ego.* packages a new service references, packed once from a copy of this checkout into a folder feed, with a
/// version of their own so no other run's packages in the NuGet cache stand in for them. Removed from the cache on dispose.
/// </summary>
public sealed class EgoPackageFeed : IAsyncLifetime
{
    private static readonly string[] Projects = ["Ego.Core", "Ego.Governor", "Ego.Grpc", "Ego.Grpc.Generator", "Ego.Grpc.Health", "Ego.Grpc.Reflection", "Ego.Http", "Ego.Resilience", "Ego.Testing"];

    private readonly TempDirectory temp = new();

    public string Version { get; } = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public string Directory => temp.Path("feed");

    public string Root => temp.Root;

    public async Task InitializeAsync()
    {
        // A copy, so packing in Release with another version never touches the checkout's obj/ folders.
        var repository = ChildProcess.RepositoryRoot();
        var copy = temp.Path("ego");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" }.Where(f => File.Exists(Path.Join(repository, f))))
        {
            System.IO.Directory.CreateDirectory(copy);
            File.Copy(Path.Join(repository, file), Path.Join(copy, file));
        }

        CopySources(Path.Join(repository, "src"), Path.Join(copy, "src"));
        File.WriteAllText(Path.Join(copy, "pack.slnx"), "<Solution>\n" + string.Concat(Projects.Select(p => $"  <Project Path=\"src/{p}/{p}.csproj\" />\n")) + "</Solution>\n");

        var (code, output) = await DotnetCli.RunAsync(copy, TimeSpan.FromMinutes(15), "pack", "pack.slnx", "-c", "Release", "-o", Directory, $"-p:EgoVersion={Version}", "-nodeReuse:false");
        Assert.True(code == 0, "dotnet pack failed:\n" + output);
        Assert.Equal(Projects.Length, System.IO.Directory.GetFiles(Directory, "*.nupkg").Length);
    }

    public Task DisposeAsync()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var project in Projects)
        {
            var cached = Path.Join(cache, project.ToLowerInvariant(), Version);
            if (System.IO.Directory.Exists(cached))
            {
                System.IO.Directory.Delete(cached, recursive: true);
            }

            var id = Path.GetDirectoryName(cached)!;
            if (System.IO.Directory.Exists(id) && !System.IO.Directory.EnumerateFileSystemEntries(id).Any())
            {
                System.IO.Directory.Delete(id);
            }
        }

        temp.Dispose();
        return Task.CompletedTask;
    }

    private static void CopySources(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Join(to, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopySources(directory, Path.Join(to, Path.GetFileName(directory)));
        }
    }
}
