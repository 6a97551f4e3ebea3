namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>How the fake API refuses a watch from an expired resource version; the real API does both.</summary>
public enum GoneMode
{
    HttpStatus,
    ErrorEvent,
}
