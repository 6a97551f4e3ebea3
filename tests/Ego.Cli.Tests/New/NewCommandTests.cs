using System.Xml.Linq;
using Ego.Proto;
using Ego.Proto.Lint;
using Ego.Tests.Shared;

namespace Ego.Cli.Tests.New;

public sealed class NewCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task New_Both_WritesTheWholeService()
    {
        var (code, output, error) = await Egoctl.RunAsync("new", "order-api", "--kind", "both", "-o", temp.Path("order-api"), "--ego-version", "1.2.3");

        Assert.True(code == 0, error);
        Assert.Contains("created order-api (both, Ego.* 1.2.3)", output);
        string[] expected =
        [
            ".dockerignore", ".gitignore", "Directory.Build.props", "Directory.Packages.props", "Dockerfile", "OrderApi.slnx", "README.md",
            "deploy/k8s/configmap.yaml", "deploy/k8s/deployment.yaml", "deploy/k8s/service.yaml",
            "src/OrderApi/Greeting.cs", "src/OrderApi/OrderApi.csproj", "src/OrderApi/Program.cs",
            "src/OrderApi/Protos/order_api/v1/errors.proto", "src/OrderApi/Protos/order_api/v1/greeter.proto", "src/OrderApi/Services/GreeterService.cs", "src/OrderApi/config/local.toml",
            "tests/OrderApi.Tests/GreeterServiceTests.cs", "tests/OrderApi.Tests/GreetingTests.cs", "tests/OrderApi.Tests/OrderApi.Tests.csproj",
        ];
        Assert.Equal(expected, Files("order-api"));
        Assert.Contains("package order_api.v1;", temp.Read("order-api/src/OrderApi/Protos/order_api/v1/greeter.proto"));
        Assert.Contains("<EgoVersion>1.2.3</EgoVersion>", temp.Read("order-api/Directory.Packages.props"));
        Assert.Contains("app.MapGet(\"/hello/{name}\"", temp.Read("order-api/src/OrderApi/Program.cs"));
        Assert.Contains("AddService<GreeterService>().AddHealth()", temp.Read("order-api/src/OrderApi/Program.cs"));
        Assert.Contains("app.UseEgoErrors();", temp.Read("order-api/src/OrderApi/Program.cs"));
        Assert.Contains("<PackageReference Include=\"Ego.Http\" />", temp.Read("order-api/src/OrderApi/OrderApi.csproj"));
        Assert.Contains("GreeterErrors.GreeterErrorNameEmpty.Is(error)", temp.Read("order-api/tests/OrderApi.Tests/GreeterServiceTests.cs"));
        Assert.Contains("InMemoryGrpcServer.StartAsync", temp.Read("order-api/tests/OrderApi.Tests/GreeterServiceTests.cs"));
    }

    [Fact]
    public async Task New_Grpc_ProtoIsLintClean()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "shop", "-o", temp.Path("shop"));
        Assert.True(code == 0, error);

        var protos = temp.Path("shop", "src", "Shop", "Protos");
        var set = ProtoSet.LoadDirectory(protos);

        Assert.Empty(set.Errors);
        Assert.Empty(ProtoLinter.Lint(set.Files, new LintOptions()));
        Assert.DoesNotContain("[server.http]", temp.Read("shop/src/Shop/config/local.toml"));
    }

    [Fact]
    public async Task New_Grpc_DeclaresNameEmptyInAnErrorsProto()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "shop", "-o", temp.Path("shop"));
        Assert.True(code == 0, error);

        var errors = temp.Read("shop/src/Shop/Protos/shop/v1/errors.proto");

        Assert.StartsWith("// @plugins=protoc-gen-go-errors\n", errors);
        Assert.Contains("package shop.v1;", errors);
        Assert.Matches(@"// @code=INVALID_ARGUMENT\n(  //.*\n)*  GREETER_ERROR_NAME_EMPTY = 1;", errors);
        Assert.Contains("throw GreeterErrors.GreeterErrorNameEmpty.WithMessage(", temp.Read("shop/src/Shop/Greeting.cs"));
        Assert.False(File.Exists(temp.Path("shop", "src", "Shop", "GreeterErrors.cs")));
        Assert.DoesNotContain("Ego.Http", temp.Read("shop/src/Shop/Shop.csproj"));
    }

    [Theory]
    [InlineData("grpc")]
    [InlineData("http")]
    [InlineData("both")]
    public async Task New_AnyKind_ServesTheGovernorOnThePrometheusPort(string kind)
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "shop", "--kind", kind, "-o", temp.Path("shop"));
        Assert.True(code == 0, error);

        Assert.Contains("builder.Services.AddEgoGovernor();", temp.Read("shop/src/Shop/Program.cs"));
        Assert.Contains("<PackageReference Include=\"Ego.Governor\" />", temp.Read("shop/src/Shop/Shop.csproj"));
        Assert.Contains("<PackageVersion Include=\"Ego.Governor\" Version=\"$(EgoVersion)\" />", temp.Read("shop/Directory.Packages.props"));
        Assert.Contains("[server.governor]\nhost = \"0.0.0.0\"\nport = 9003\n", temp.Read("shop/src/Shop/config/local.toml"));
        var deployment = temp.Read("shop/deploy/k8s/deployment.yaml");
        Assert.Contains("prometheus.io/port: \"9003\"", deployment);
        Assert.Matches(@"- name: governor\s+containerPort: 9003\s", deployment);
        Assert.DoesNotContain("9003", temp.Read("shop/deploy/k8s/service.yaml"));
    }

    [Fact]
    public async Task New_Http_HasNoProtoAndNoGrpcPackages()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "web", "--kind", "http", "-o", temp.Path("web"));

        Assert.True(code == 0, error);
        Assert.DoesNotContain(Files("web"), f => f.EndsWith(".proto", StringComparison.Ordinal) || f.Contains("GreeterService", StringComparison.Ordinal));
        Assert.DoesNotContain("Ego.Grpc", temp.Read("web/src/Web/Web.csproj"));
        Assert.DoesNotContain("[server.grpc]", temp.Read("web/src/Web/config/local.toml"));
        Assert.Contains("httpGet", temp.Read("web/deploy/k8s/deployment.yaml"));
    }

    [Fact]
    public async Task New_Http_ReadinessIsTheHealthCheckProbeAndErrorsAreRendered()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "web", "--kind", "http", "-o", temp.Path("web"));
        Assert.True(code == 0, error);

        var program = temp.Read("web/src/Web/Program.cs");
        Assert.DoesNotContain("MapGet(\"/health\"", program);
        Assert.Contains("app.UseEgoErrors();", program);
        Assert.Contains("<PackageReference Include=\"Ego.Http\" />", temp.Read("web/src/Web/Web.csproj"));
        Assert.Matches(@"httpHeaders:\s+- name: X-Health-Check\s+value: ""1""", temp.Read("web/deploy/k8s/deployment.yaml"));
        Assert.Contains("\"web.v1.GREETER_ERROR_NAME_EMPTY\"", temp.Read("web/src/Web/GreeterErrors.cs"));
        Assert.Contains("GreeterErrors.GreeterErrorNameEmpty.Is(error)", temp.Read("web/tests/Web.Tests/GreetingTests.cs"));
    }

    [Fact]
    public async Task New_EgoSource_WritesNugetConfigWithTheFolder()
    {
        Directory.CreateDirectory(temp.Path("feed"));

        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "-o", temp.Path("demo"), "--ego-source", temp.Path("feed"));

        Assert.True(code == 0, error);
        var source = XDocument.Parse(temp.Read("demo/nuget.config")).Descendants("add").Single();
        Assert.Equal(temp.Path("feed"), source.Attribute("value")!.Value);
    }

    [Fact]
    public async Task New_WithoutEgoSource_WritesNoNugetConfig()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "-o", temp.Path("demo"));

        Assert.True(code == 0, error);
        Assert.False(File.Exists(temp.Path("demo", "nuget.config")));
    }

    [Fact]
    public async Task New_Dockerfile_BuildsOnSdkAndRunsOnAspNet()
    {
        await Egoctl.RunAsync("new", "demo", "-o", temp.Path("demo"));

        var dockerfile = temp.Read("demo/Dockerfile");

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"demo.dll\"]", dockerfile);
    }

    [Fact]
    public async Task New_NonEmptyOutput_ExitsTwoAndWritesNothing()
    {
        temp.Write("demo/notes.txt", "mine");

        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "-o", temp.Path("demo"));

        Assert.Equal(2, code);
        Assert.Contains("the directory exists and is not empty", error);
        Assert.Equal(["notes.txt"], Files("demo"));
    }

    [Fact]
    public async Task New_BadName_ExitsTwo()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "Order API", "-o", temp.Path("x"));

        Assert.Equal(2, code);
        Assert.Contains("NAME 'Order API' is not a service name", error);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("ego")]
    public async Task New_NameHidingAFrameworkNamespace_ExitsTwo(string name)
    {
        var (code, _, error) = await Egoctl.RunAsync("new", name, "-o", temp.Path("x"));

        Assert.Equal(2, code);
        Assert.Contains($"NAME '{name}' would make the C# namespace", error);
    }

    [Fact]
    public async Task New_BadKind_ExitsNonZeroNamingTheValue()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "--kind", "soap", "-o", temp.Path("x"));

        Assert.NotEqual(0, code);
        Assert.Contains("soap", error);
        Assert.False(Directory.Exists(temp.Path("x")));
    }

    [Fact]
    public async Task New_MissingEgoSource_ExitsTwo()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "-o", temp.Path("x"), "--ego-source", temp.Path("no-feed"));

        Assert.Equal(2, code);
        Assert.Contains("no-feed: no such directory", error);
    }

    [Fact]
    public void PackageVersions_MatchTheRepository()
    {
        var versions = XDocument.Load(Path.Join(ChildProcess.RepositoryRoot(), "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);

        Assert.Equal(Ego.Cli.New.PackageVersions.GoogleProtobuf, versions["Google.Protobuf"]);
        Assert.Equal(Ego.Cli.New.PackageVersions.GrpcTools, versions["Grpc.Tools"]);
        Assert.Equal(Ego.Cli.New.PackageVersions.TestSdk, versions["Microsoft.NET.Test.Sdk"]);
        Assert.Equal(Ego.Cli.New.PackageVersions.Xunit, versions["xunit"]);
        Assert.Equal(Ego.Cli.New.PackageVersions.XunitRunner, versions["xunit.runner.visualstudio"]);
    }

    public void Dispose() => temp.Dispose();

    private string[] Files(string directory)
        => Directory.EnumerateFiles(temp.Path(directory), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(temp.Path(directory), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
