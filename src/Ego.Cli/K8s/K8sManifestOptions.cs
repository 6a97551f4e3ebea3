namespace Ego.Cli.K8s;

/// <summary>What <see cref="K8sManifestWriter"/> needs: the service, its image and its config file.</summary>
internal sealed class K8sManifestOptions
{
    /// <summary>Deployment, Service and container name, and <c>EGO_NAME</c>.</summary>
    public required string Name { get; init; }

    public required string Image { get; init; }

    public string Namespace { get; init; } = "default";

    public int Replicas { get; init; } = 2;

    /// <summary>File name of the config (the ConfigMap key and the file under <see cref="ConfigDirectory"/>).</summary>
    public required string ConfigFileName { get; init; }

    public required string ConfigText { get; init; }

    /// <summary>Where the ConfigMap is mounted: the app's <c>config/</c> directory in the image (WORKDIR /app).</summary>
    public string ConfigDirectory { get; init; } = "/app/config";

    public required ServicePorts Ports { get; init; }

    /// <summary>A client resolves <c>k8s:///</c> addresses: the pods run as a service account allowed to read EndpointSlices and Endpoints.</summary>
    public bool KubernetesDiscovery { get; init; }

    /// <summary>Port of the governor, scraped by Prometheus.</summary>
    public int GovernorPort { get; init; } = 9003;
}
