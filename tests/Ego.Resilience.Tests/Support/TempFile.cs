namespace Ego.Resilience.Tests.Support;

/// <summary>A file in a fresh temporary directory, deleted with it.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string name, string text)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ego-resilience-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(Path, text);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Write(string text) => File.WriteAllText(Path, text);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Still open by a watcher being disposed; the temp directory is cleaned later.
        }
    }
}
