using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ego.Configuration;
using Ego.Configuration.Toml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Ego.Benchmarks.Toml;

/// <summary>
/// Parses a ~10 KB service configuration as TOML and as the equivalent JSON, first as documents and then
/// through the configuration providers (parse and flatten into keys).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TomlParseBenchmarks
{
    private const string Parse = "Parse";
    private const string ProviderLoad = "ProviderLoad";

    private string _toml = string.Empty;
    private byte[] _tomlUtf8 = [];
    private byte[] _jsonUtf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        _toml = TomlBenchmarkDocument.Text;
        _tomlUtf8 = Encoding.UTF8.GetBytes(_toml);
        _jsonUtf8 = TomlJsonConverter.ToJson(TomlParser.Parse(_toml));

        var jsonKeys = new ConfigurationBuilder().AddJsonStream(new MemoryStream(_jsonUtf8)).Build().AsEnumerable().Count();
        var tomlKeys = new ConfigurationBuilder().AddTomlStream(new MemoryStream(_tomlUtf8)).Build().AsEnumerable().Count();
        if (jsonKeys != tomlKeys)
        {
            throw new InvalidOperationException($"The JSON and TOML documents flatten to {jsonKeys} and {tomlKeys} keys; they must be equivalent.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Parse)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_jsonUtf8);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark]
    [BenchmarkCategory(Parse)]
    public int TomlParseUtf8() => TomlParser.Parse(new MemoryStream(_tomlUtf8, writable: false)).Count;

    [Benchmark]
    [BenchmarkCategory(Parse)]
    public int TomlParseString() => TomlParser.Parse(_toml).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ProviderLoad)]
    public ConfigurationProvider JsonProviderLoad()
    {
        var provider = new JsonStreamConfigurationProvider(new JsonStreamConfigurationSource());
        provider.Load(new MemoryStream(_jsonUtf8, writable: false));
        return provider;
    }

    [Benchmark]
    [BenchmarkCategory(ProviderLoad)]
    public ConfigurationProvider TomlProviderLoad()
    {
        var provider = new TomlStreamConfigurationProvider(new TomlStreamConfigurationSource());
        provider.Load(new MemoryStream(_tomlUtf8, writable: false));
        return provider;
    }
}
