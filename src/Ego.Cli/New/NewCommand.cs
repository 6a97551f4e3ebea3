using System.CommandLine;
using System.Reflection;
using Ego.Cli.Internal;

namespace Ego.Cli.New;

/// <summary><c>egoctl new</c>: a complete service that builds, runs and passes its tests as created.</summary>
internal static class NewCommand
{
    // Root namespaces the generated code imports; a project namespace of the same name would hide them.
    private static readonly HashSet<string> ReservedNamespaces = ["System", "Microsoft", "Ego", "Google", "Grpc", "Xunit"];

    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Service name: lower-case words joined by dashes (order-api); also the proto package (order_api.v1) and the C# project (OrderApi)." };
        var kind = new Option<ServiceKind>("--kind") { Description = "Servers of the service: grpc, http or both.", HelpName = "grpc|http|both", DefaultValueFactory = _ => ServiceKind.Grpc };
        var output = new Option<string?>("--output", "-o") { Description = "Directory to create (default: ./NAME); must not exist or be empty." };
        var egoVersion = new Option<string?>("--ego-version") { Description = "Version of the Ego.* packages to reference (default: this egoctl's version)." };
        var egoSource = new Option<string?>("--ego-source") { Description = "Folder or feed URL holding the Ego.* packages, added to the service's nuget.config (e.g. packages packed from a checkout)." };
        var command = new Command("new", "Create a service: proto, implementation, config, tests, Dockerfile, Kubernetes manifests and README.\n\nExamples:\n  egoctl new order-api\n  egoctl new order-api --kind both -o services/order-api\n  egoctl new order-api --ego-source ~/ego-packages   (Ego.* packed from a checkout: dotnet pack -o ~/ego-packages)")
        {
            name, kind, output, egoVersion, egoSource,
        };
        command.SetAction((result, cancellationToken) => CliRun.RunAsync(result, async (stdout, _) =>
        {
            var serviceName = ServiceName.Validate(result.GetValue(name)!, "NAME");
            if (ReservedNamespaces.Contains(ServiceName.Pascal(serviceName)))
            {
                throw new CliException($"NAME '{serviceName}' would make the C# namespace {ServiceName.Pascal(serviceName)}, which the service also uses for the framework's types: expected another name, e.g. {serviceName}-api");
            }

            var request = new NewServiceRequest(
                serviceName,
                result.GetValue(kind),
                result.GetValue(output) ?? serviceName,
                result.GetValue(egoVersion) ?? ToolVersion(),
                Source(result.GetValue(egoSource)));
            await RunAsync(request, new CliProgress(stdout), cancellationToken).ConfigureAwait(false);
            return CliRun.Clean;
        }));
        return command;
    }

    public static async Task RunAsync(NewServiceRequest request, CliProgress progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(request.Output) && Directory.EnumerateFileSystemEntries(request.Output).Any())
        {
            throw new CliException($"--output {request.Output}: the directory exists and is not empty: expected a new or empty directory");
        }

        if (File.Exists(request.Output))
        {
            throw new CliException($"--output {request.Output}: is a file: expected a new or empty directory");
        }

        var files = ServiceScaffolder.Render(request);
        await progress.StepAsync($"writing {files.Count} files to {request.Output}", async () =>
        {
            try
            {
                foreach (var (path, text) in files)
                {
                    var target = Path.Join(request.Output, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllTextAsync(target, text, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--output {request.Output}: cannot write the service: {exception.Message}");
            }

            return true;
        }).ConfigureAwait(false);
        progress.Line($"created {request.Name} ({request.Kind.ToString().ToLowerInvariant()}, Ego.* {request.EgoVersion}); next: cd {request.Output} && dotnet test");
    }

    /// <summary>The Ego.* version this egoctl belongs to: its package version without build metadata.</summary>
    public static string ToolVersion()
    {
        var version = typeof(NewCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        return version.Split('+')[0];
    }

    private static string? Source(string? source)
    {
        if (source is null || Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return source;
        }

        if (!Directory.Exists(source))
        {
            throw new CliException($"--ego-source {source}: no such directory: expected a folder of .nupkg files or a feed URL");
        }

        return Path.GetFullPath(source);
    }
}
