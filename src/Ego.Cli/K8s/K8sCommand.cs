using System.CommandLine;
using Ego.Cli.Internal;

namespace Ego.Cli.K8s;

/// <summary><c>egoctl k8s</c>: Deployment, Service and ConfigMap for a service, from its config file.</summary>
internal static class K8sCommand
{
    public static Command Create()
    {
        var name = new Option<string?>("--name") { Description = "Service name: Deployment, Service, container and EGO_NAME (default: the current directory's name)." };
        var image = new Option<string?>("--image") { Description = "Container image (default: NAME:latest)." };
        var config = new Option<string>("--config") { Description = "Config file to ship as a ConfigMap; its [server.*] sections give the ports.", DefaultValueFactory = _ => "config/local.toml" };
        var ns = new Option<string>("--namespace") { Description = "Kubernetes namespace.", DefaultValueFactory = _ => "default" };
        var replicas = new Option<int>("--replicas") { Description = "Number of pods.", DefaultValueFactory = _ => 2 };
        var output = new Option<string>("--output", "-o") { Description = "Directory the manifests are written to.", DefaultValueFactory = _ => "deploy/k8s" };
        var command = new Command("k8s", "Write Kubernetes manifests (Deployment, Service, ConfigMap) for a service.\n\nExamples:\n  egoctl k8s --name order-api --image registry.example.com/order-api:1.4.0\n  egoctl k8s --config config/prod.toml --namespace shop -o deploy/prod\n  kubectl apply -f deploy/k8s")
        {
            name, image, config, ns, replicas, output,
        };
        command.SetAction((result, _) => CliRun.RunAsync(result, async (stdout, _) =>
        {
            var serviceName = ServiceName.Validate(
                result.GetValue(name) ?? Path.GetFileName(Path.GetFullPath(".").TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant(), "--name");
            if (result.GetValue(replicas) < 1)
            {
                throw new CliException($"--replicas {result.GetValue(replicas)}: expected at least 1");
            }

            var configPath = result.GetValue(config)!;
            var files = Manifests(new K8sRequest(serviceName, result.GetValue(image), result.GetValue(ns)!, result.GetValue(replicas), configPath, ReadConfig(configPath)));
            var written = await WriteAsync(result.GetValue(output)!, files).ConfigureAwait(false);
            foreach (var file in written)
            {
                await stdout.WriteLineAsync("wrote " + file).ConfigureAwait(false);
            }

            return CliRun.Clean;
        }));
        return command;
    }

    /// <summary>The manifests for a request; <c>egoctl new</c> uses the same for the service it creates.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Manifests(K8sRequest request)
    {
        var ports = ServiceConfigReader.Read(request.ConfigPath, request.ConfigText);
        try
        {
            return K8sManifestWriter.Write(new K8sManifestOptions
            {
                Name = request.Name,
                Image = request.Image ?? request.Name + ":latest",
                Namespace = request.Namespace,
                Replicas = request.Replicas,
                ConfigFileName = Path.GetFileName(request.ConfigPath),
                ConfigText = request.ConfigText,
                Ports = ports,
                GovernorPort = ports.Governor ?? ServiceConfigReader.DefaultGovernorPort,
                KubernetesDiscovery = ServiceConfigReader.ResolvesThroughKubernetes(request.ConfigText),
            });
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static string ReadConfig(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"--config {path}: no such file: expected the service's config file, e.g. config/local.toml");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--config {path}: cannot be read: {exception.Message}");
        }
    }

    private static async Task<IReadOnlyList<string>> WriteAsync(string directory, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, text) in files)
            {
                var path = Path.Join(directory, name);
                await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
                written.Add(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--output {directory}: cannot write the manifests: {exception.Message}");
        }

        return written;
    }
}
