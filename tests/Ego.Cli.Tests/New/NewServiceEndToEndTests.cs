namespace Ego.Cli.Tests.New;

/// <summary>
/// What a user does first: create a service, build it, run its tests; then add rpcs and a service to the proto,
/// run egoctl gen, and build and test again; and the HTTP-only kind, built and tested. Takes minutes (packing Ego.*, two restores and builds).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NewServiceEndToEndTests(EgoPackageFeed feed) : IClassFixture<EgoPackageFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task NewBothThenGen_BuildsAndPassesItsTests()
    {
        var service = Path.Join(feed.Root, "demo");
        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "--kind", "both", "-o", service, "--ego-version", feed.Version, "--ego-source", feed.Directory);
        Assert.True(code == 0, error);

        await BuildAndTestAsync(service, expectedTests: 4);

        var proto = Path.Join(service, "src", "Demo", "Protos", "demo", "v1", "greeter.proto");
        await File.AppendAllTextAsync(proto, """

            // The greetings so far.
            service GreetingLog {
              // Streams the greetings.
              rpc Watch(SayHelloRequest) returns (stream SayHelloResponse);
              // Uploads greetings.
              rpc Upload(stream SayHelloRequest) returns (SayHelloResponse);
              // Echoes greetings.
              rpc Chat(stream SayHelloRequest) returns (stream SayHelloResponse);
              // Counts greetings.
              rpc Count(SayHelloRequest) returns (SayHelloResponse);
            }

            """);
        var gen = await Egoctl.RunAsync("gen", "--output", Path.Join(service, "src", "Demo"));
        Assert.True(gen.Code == 0, gen.Error);
        Assert.Contains("9 created", gen.Output);

        await BuildAndTestAsync(service, expectedTests: 8);

        var again = await Egoctl.RunAsync("gen", "--output", Path.Join(service, "src", "Demo"));
        Assert.Contains("0 created, 0 updated, 9 unchanged, 0 kept", again.Output);
    }

    [Fact]
    public async Task NewHttp_BuildsAndPassesItsTests()
    {
        var service = Path.Join(feed.Root, "web");
        var (code, _, error) = await Egoctl.RunAsync("new", "web", "--kind", "http", "-o", service, "--ego-version", feed.Version, "--ego-source", feed.Directory);
        Assert.True(code == 0, error);

        await BuildAndTestAsync(service, expectedTests: 2);
    }

    private static async Task BuildAndTestAsync(string service, int expectedTests)
    {
        var build = await DotnetCli.RunAsync(service, Timeout, "build", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        Assert.Contains("0 Warning(s)", build.Output);

        var test = await DotnetCli.RunAsync(service, Timeout, "test", "--no-build");
        Assert.True(test.ExitCode == 0, "dotnet test failed:\n" + test.Output);
        Assert.Matches($@"Failed:\s+0, Passed:\s+{expectedTests},", test.Output);
    }
}
