using System.Text;
using Ego.Configuration;
using Ego.Configuration.Toml;
using Microsoft.Extensions.Configuration;

namespace Ego.Core.Tests.Configuration.Toml;

public sealed class TomlConfigurationProviderTests : IDisposable
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("ego-toml-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IConfigurationRoot FromToml(string toml) =>
        new ConfigurationBuilder().AddTomlStream(new MemoryStream(Encoding.UTF8.GetBytes(toml))).Build();

    [Fact]
    public void Load_NestedTablesAndArrays_FlattenLikeJsonProvider()
    {
        var config = FromToml("""
            name = "orders"
            [server]
            port = 8080
            tls.enabled = true
            hosts = ["a", "b"]
            [[servers]]
            host = "10.0.0.1"
            [[servers]]
            host = "10.0.0.2"
            matrix = [[1, 2], [3]]
            """);

        Assert.Equal("orders", config["name"]);
        Assert.Equal("8080", config["server:port"]);
        Assert.Equal("true", config["server:tls:enabled"]);
        Assert.Equal("b", config["server:hosts:1"]);
        Assert.Equal("10.0.0.2", config["servers:1:host"]);
        Assert.Equal("3", config["servers:1:matrix:1:0"]);
        Assert.Equal("8080", config["SERVER:PORT"]);
    }

    [Fact]
    public void Load_ScalarKinds_RenderInvariantly()
    {
        var config = FromToml("""
            off = false
            big = 0x7fffffff
            ratio = 0.25
            never = -inf
            odd = nan
            at = 1979-05-27T07:32:00-07:00
            local = 1979-05-27T07:32:00.5
            day = 1979-05-27
            time = 07:32:00.125
            """);

        Assert.Equal("false", config["off"]);
        Assert.Equal("2147483647", config["big"]);
        Assert.Equal("0.25", config["ratio"]);
        Assert.Equal("-Infinity", config["never"]);
        Assert.Equal("NaN", config["odd"]);
        Assert.Equal("1979-05-27T07:32:00.0000000-07:00", config["at"]);
        Assert.Equal("1979-05-27T07:32:00.5000000", config["local"]);
        Assert.Equal("1979-05-27", config["day"]);
        Assert.Equal("07:32:00.125", config["time"]);
    }

    [Fact]
    public void Load_EmptyTableAndArray_MatchJsonProvider()
    {
        var toml = FromToml("empty_array = []\ninline = {}\n[empty]\n");
        var json = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream("""{"empty_array":[],"inline":{},"empty":{}}"""u8.ToArray()))
            .Build();

        var expected = json.AsEnumerable().OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, toml.AsEnumerable().OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray());
        Assert.Equal(string.Empty, toml["empty_array"]);
        Assert.Null(toml["empty"]);
    }

    [Theory]
    [InlineData("Port = 1\nport = 2", "keys 'Port' (defined at 1:1) and 'port' differ only by case", 2, 1)]
    [InlineData("[db]\nHost = 'a'\n[DB]\nhost = 'b'", "keys 'db' (defined at 1:2) and 'DB' differ only by case", 3, 2)]
    [InlineData("[s]\na = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\nh = 8\ni = 9\nA = 10", "keys 's:a' (defined at 2:1) and 's:A'", 11, 1)]
    public void Load_KeysDifferingOnlyByCase_ThrowsNamingBoth(string toml, string reason, int line, int column)
    {
        var ex = Assert.Throws<TomlParseException>(() => FromToml(toml));

        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Bind_OptionsWithTimeSpanStringAndArray_BindsValues()
    {
        var config = FromToml("""
            [orders]
            enabled = true
            port = 9090
            timeout = "00:00:30"
            hosts = ["a:1", "b:2"]
            ratio = 0.5
            """);

        var options = config.GetSection("orders").Get<SampleOptions>()!;

        Assert.True(options.Enabled);
        Assert.Equal(9090, options.Port);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(["a:1", "b:2"], options.Hosts);
        Assert.Equal(0.5, options.Ratio);
    }

    [Fact]
    public void AddTomlFile_InvalidFile_ThrowsInvalidDataWrappingParseErrorWithPath()
    {
        var path = Write("app.toml", "a = 1\na = 2\n");

        var ex = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddTomlFile(path).Build());

        var inner = Assert.IsType<TomlParseException>(ex.InnerException);
        Assert.Equal(path, inner.SourceName);
        Assert.StartsWith($"{path}:2:1: duplicate key 'a'", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTomlFile_MissingFile_ThrowsUnlessOptional()
    {
        var path = Path.Combine(_directory, "missing.toml");

        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddTomlFile(path).Build());
        Assert.Empty(new ConfigurationBuilder().AddTomlFile(path, optional: true).Build().AsEnumerable());
    }

    [Fact]
    public void AddTomlFile_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new ConfigurationBuilder().AddTomlFile(""));

    [Fact]
    public async Task AddTomlFile_ReloadOnChange_PicksUpNewValues()
    {
        var path = Write("reload.toml", "port = 1\n");
        var config = new ConfigurationBuilder().AddTomlFile(path, optional: false, reloadOnChange: true).Build();
        Assert.Equal("1", config["port"]);
        var reloaded = NextReload(config);

        await File.WriteAllTextAsync(path, "port = 2\n");

        await reloaded.WaitAsync(ReloadTimeout);
        Assert.Equal("2", config["port"]);
    }

    [Fact]
    public async Task AddTomlFile_ReloadWithInvalidFile_RaisesLoadFailedWithPosition()
    {
        var path = Write("broken.toml", "port = 1\n");
        var config = new ConfigurationBuilder().AddTomlFile(path, optional: false, reloadOnChange: true).Build();
        var provider = config.Providers.OfType<TomlConfigurationProvider>().Single();
        var failed = new TaskCompletionSource<TomlLoadFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.LoadFailed += (_, e) => failed.TrySetResult(e);

        await File.WriteAllTextAsync(path, "port = 1\nhost = \n");

        var args = await failed.Task.WaitAsync(ReloadTimeout);
        Assert.True(args.IsReload);
        Assert.Equal((2, 8), (args.Exception.Line, args.Exception.Column));
        Assert.Same(args.Exception, provider.LastLoadException);
    }

    [Fact]
    public void Load_InitialFailure_SetsLastLoadExceptionAndIsNotReload()
    {
        var path = Write("first.toml", "x = [\n");
        var source = new TomlConfigurationSource { Path = Path.GetFileName(path), Optional = false };
        source.ResolveFileProvider();
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(_directory);
        var provider = new TomlConfigurationProvider(source);
        TomlLoadFailedEventArgs? seen = null;
        provider.LoadFailed += (_, e) => seen = e;

        Assert.Throws<InvalidDataException>(provider.Load);

        Assert.NotNull(seen);
        Assert.False(seen.IsReload);
        Assert.Same(seen.Exception, provider.LastLoadException);
    }

    private static Task NextReload(IConfiguration config)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        config.GetReloadToken().RegisterChangeCallback(_ => tcs.TrySetResult(), null);
        return tcs.Task;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public sealed class SampleOptions
    {
        public bool Enabled { get; set; }

        public int Port { get; set; }

        public TimeSpan Timeout { get; set; }

        public string[] Hosts { get; set; } = [];

        public double Ratio { get; set; }
    }
}
