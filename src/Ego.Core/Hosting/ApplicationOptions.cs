using Ego.Components;

namespace Ego.Hosting;

/// <summary>Application-wide lifecycle options, bound from the <c>app</c> section.</summary>
public sealed class ApplicationOptions : IComponentOptions
{
    public const string DefaultKey = "app";

    /// <summary>How long in-flight calls may take to finish on shutdown before they are cut.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long calls are still served after readiness goes off, so load balancers and Kubernetes endpoints stop
    /// routing here before new calls are refused. Zero refuses at once.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (StopTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("stopTimeout", $"{StopTimeout} must be positive, e.g. \"10s\""));
        }

        if (DrainDelay < TimeSpan.Zero)
        {
            errors.Add(new("drainDelay", $"{DrainDelay} is negative: expected a duration such as \"5s\" or 0 to refuse at once"));
        }
    }
}
