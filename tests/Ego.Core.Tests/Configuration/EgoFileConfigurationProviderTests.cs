using System.Runtime.InteropServices;
using Ego.Configuration;
using Microsoft.Extensions.Configuration;

namespace Ego.Core.Tests.Configuration;

public sealed class EgoFileConfigurationProviderTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Watch_ConfigMapDataSwapped_NewValueAppliedWithoutRestart()
    {
        var path = CreateConfigMap("..2026_11_22_01", "[app]\ngreeting = \"v1\"\n");
        using var root = Build(path);
        var reloaded = NextReload(root);

        SwapConfigMap("..2026_11_22_02", "[app]\ngreeting = \"v2\"\n");

        await reloaded.WaitAsync(Patience);
        Assert.Equal("v2", root["app:greeting"]);
    }

    [Fact]
    public async Task Watch_BrokenNewVersion_OldValueStaysAndErrorNamesLine()
    {
        var path = CreateConfigMap("..2026_11_22_01", "[app]\ngreeting = \"v1\"\n");
        using var root = Build(path);
        var provider = root.Providers.OfType<EgoFileConfigurationProvider>().Single();
        var rejected = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadRejected += exception => rejected.TrySetResult(exception);

        SwapConfigMap("..2026_11_22_02", "[app]\ngreeting = \"v2\n");

        var error = await rejected.Task.WaitAsync(Patience);
        Assert.Equal("v1", root["app:greeting"]);
        var format = Assert.IsType<ConfigFileFormatException>(error);
        Assert.Equal(2, format.Line);
        Assert.Contains(path + ":2:", format.Message);
    }

    [Fact]
    public async Task Watch_BrokenThenFixed_FixedVersionApplied()
    {
        var path = CreateConfigMap("..v1", "[app]\ngreeting = \"v1\"\n");
        using var root = Build(path);
        var provider = root.Providers.OfType<EgoFileConfigurationProvider>().Single();
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadRejected += _ => rejected.TrySetResult();

        SwapConfigMap("..v2", "[app\n");
        await rejected.Task.WaitAsync(Patience);
        var reloaded = NextReload(root);
        SwapConfigMap("..v3", "[app]\ngreeting = \"v3\"\n");

        await reloaded.WaitAsync(Patience);
        Assert.Equal("v3", root["app:greeting"]);
    }

    [Fact]
    public async Task Watch_PlainFileRewritten_NewValueApplied()
    {
        var path = temp.Write("app.json", """{ "app": { "greeting": "v1" } }""");
        using var root = Build(path);
        var reloaded = NextReload(root);

        File.WriteAllText(path, """{ "app": { "greeting": "v2" } }""");

        await reloaded.WaitAsync(Patience);
        Assert.Equal("v2", root["app:greeting"]);
    }

    [Fact]
    public void Load_MissingRequiredFile_ThrowsNamingPath()
    {
        var path = temp.File("absent.toml");

        var error = Assert.Throws<FileNotFoundException>(() => Build(path, optional: false));

        Assert.Contains("absent.toml", error.Message);
    }

    [Fact]
    public void Load_MissingOptionalFile_NoKeys()
    {
        using var root = Build(temp.File("absent.toml"), optional: true);

        Assert.Empty(root.AsEnumerable());
    }

    [Fact]
    public void Load_UnsupportedExtension_SaysWhichAreSupported()
    {
        var error = Assert.Throws<NotSupportedException>(() => Build(temp.Write("app.ini", "a=1")));

        Assert.Contains(".toml, .json, .yaml, .yml", error.Message);
    }

    private static ConfigurationRoot Build(string path, bool optional = false)
        => (ConfigurationRoot)new ConfigurationBuilder()
            .Add(new EgoFileConfigurationSource { Path = path, Optional = optional, Watch = true, PollInterval = TimeSpan.FromMilliseconds(100) })
            .Build();

    private static Task NextReload(IConfigurationRoot root)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        root.GetReloadToken().RegisterChangeCallback(_ => reloaded.TrySetResult(), null);
        return reloaded.Task;
    }

    /// <summary>The layout kubelet writes: config.toml → ..data/config.toml, ..data → ..timestamp directory.</summary>
    private string CreateConfigMap(string version, string content)
    {
        temp.Write(Path.Combine(version, "config.toml"), content);
        File.CreateSymbolicLink(temp.File("..data"), version);
        return File.CreateSymbolicLink(temp.File("config.toml"), Path.Combine("..data", "config.toml")).FullName;
    }

    /// <summary>Writes a new version directory and swaps ..data to it with an atomic rename, as kubelet does.</summary>
    private void SwapConfigMap(string version, string content)
    {
        temp.Write(Path.Combine(version, "config.toml"), content);
        File.CreateSymbolicLink(temp.File("..data_tmp"), version);
        Assert.Equal(0, Rename(temp.File("..data_tmp"), temp.File("..data")));
    }

    /// <summary>rename(2) replaces the ..data symlink itself; File.Move would follow it to the directory.</summary>
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string oldPath, string newPath);
}
