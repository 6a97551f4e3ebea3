namespace Ego.Registry.Kubernetes.Internal;

/// <summary>What a resolver shows on the governor; written by its loop only, read by the page.</summary>
internal sealed class ResolverStatus
{
    public EndpointSource Source { get; set; }

    /// <summary>Where the next watch continues; null until listed, and after a 410.</summary>
    public string? ResourceVersion { get; set; }

    public int Endpoints { get; set; }

    public long Lists { get; set; }

    public long Watches { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }
}
