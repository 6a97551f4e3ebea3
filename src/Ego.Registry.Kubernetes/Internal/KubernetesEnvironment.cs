namespace Ego.Registry.Kubernetes.Internal;

/// <summary>Where in-cluster settings come from: the process environment and the pod's service account directory.</summary>
internal sealed record KubernetesEnvironment(Func<string, string?> Variable, string ServiceAccountDirectory)
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static KubernetesEnvironment Process { get; } = new(Environment.GetEnvironmentVariable, DefaultServiceAccountDirectory);

    public string TokenPath => Path.Combine(ServiceAccountDirectory, "token");

    public string CaPath => Path.Combine(ServiceAccountDirectory, "ca.crt");

    public string NamespacePath => Path.Combine(ServiceAccountDirectory, "namespace");
}
