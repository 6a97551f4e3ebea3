using Ego.Cli.Internal;
using Ego.Cli.K8s;

namespace Ego.Cli.New;

/// <summary>Renders the embedded service templates (New/Templates) for a name and kind: relative path → file text.</summary>
internal static class ServiceScaffolder
{
    // Template → output path; "Project" in a path is the service's C# project name. Null condition: every kind.
    private static readonly (string Template, string Output, string? Flag)[] Files =
    [
        ("README.md", "README.md", null),
        ("gitignore", ".gitignore", null),
        ("dockerignore", ".dockerignore", null),
        ("Dockerfile", "Dockerfile", null),
        ("Directory.Build.props", "Directory.Build.props", null),
        ("Directory.Packages.props", "Directory.Packages.props", null),
        ("nuget.config", "nuget.config", "egoSource"),
        ("Solution.slnx", "Project.slnx", null),
        ("src/Project/Project.csproj", "src/Project/Project.csproj", null),
        ("src/Project/Program.cs", "src/Project/Program.cs", null),
        ("src/Project/Greeting.cs", "src/Project/Greeting.cs", null),
        ("src/Project/GreeterErrors.cs", "src/Project/GreeterErrors.cs", "httpOnly"),
        ("src/Project/Services/GreeterService.cs", "src/Project/Services/GreeterService.cs", "grpc"),
        ("src/Project/Protos/greeter.proto", "src/Project/Protos/ProtoDirectory/greeter.proto", "grpc"),
        ("src/Project/Protos/errors.proto", "src/Project/Protos/ProtoDirectory/errors.proto", "grpc"),
        ("src/Project/config/local.toml", "src/Project/config/local.toml", null),
        ("tests/Project.Tests/Project.Tests.csproj", "tests/Project.Tests/Project.Tests.csproj", null),
        ("tests/Project.Tests/GreetingTests.cs", "tests/Project.Tests/GreetingTests.cs", null),
        ("tests/Project.Tests/GreeterServiceTests.cs", "tests/Project.Tests/GreeterServiceTests.cs", "grpc"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> Render(NewServiceRequest request)
    {
        var project = ServiceName.Pascal(request.Name);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (request.Kind is ServiceKind.Grpc or ServiceKind.Both)
        {
            flags.Add("grpc");
        }

        if (request.Kind is ServiceKind.Http or ServiceKind.Both)
        {
            flags.Add("http");
        }

        if (request.Kind is ServiceKind.Http)
        {
            // Without a proto the service's errors are written by hand, with the reasons protoc-gen-ego would give them.
            flags.Add("httpOnly");
        }

        if (request.EgoSource is not null)
        {
            flags.Add("egoSource");
        }

        var protoDirectory = ServiceName.Snake(request.Name) + "/v1";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Name"] = request.Name,
            ["Project"] = project,
            ["ProtoPackage"] = ServiceName.Snake(request.Name) + ".v1",
            ["ProtoDirectory"] = protoDirectory,
            ["ProtoNamespace"] = project + ".V1",
            ["EgoVersion"] = request.EgoVersion,
            ["EgoSource"] = request.EgoSource ?? "",
            ["ProtobufVersion"] = PackageVersions.GoogleProtobuf,
            ["GrpcToolsVersion"] = PackageVersions.GrpcTools,
            ["TestSdkVersion"] = PackageVersions.TestSdk,
            ["XunitVersion"] = PackageVersions.Xunit,
            ["XunitRunnerVersion"] = PackageVersions.XunitRunner,
            ["TestsNote"] = flags.Contains("grpc") ? "; the gRPC service runs on Ego.Testing's in-memory server, no port" : "",
        };

        var files = new List<KeyValuePair<string, string>>();
        foreach (var (template, output, flag) in Files)
        {
            if (flag is null || flags.Contains(flag))
            {
                var path = output.Replace("ProtoDirectory", protoDirectory, StringComparison.Ordinal).Replace("Project", project, StringComparison.Ordinal);
                files.Add(new(path, TemplateRenderer.Render(EmbeddedTemplates.Read("new/" + template), values, flags)));
            }
        }

        var config = files.Single(f => f.Key.EndsWith("config/local.toml", StringComparison.Ordinal));
        foreach (var (name, text) in K8sCommand.Manifests(new K8sRequest(request.Name, null, "default", 2, config.Key, config.Value)))
        {
            files.Add(new("deploy/k8s/" + name, text));
        }

        return files;
    }
}
