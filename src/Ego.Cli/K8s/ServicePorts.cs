namespace Ego.Cli.K8s;

/// <summary>The ports a service listens on, read from its config file; null when the server is not configured.</summary>
internal sealed record ServicePorts(int? Http, int? Grpc, int? Governor);
