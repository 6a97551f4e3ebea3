namespace Ego.Cli.K8s;

/// <summary>The inputs of <c>egoctl k8s</c>, as given on the command line (image null for NAME:latest).</summary>
internal sealed record K8sRequest(string Name, string? Image, string Namespace, int Replicas, string ConfigPath, string ConfigText);
