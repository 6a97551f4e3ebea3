using Ego.Components;

namespace Ego.Hosting;

/// <summary>Application-wide lifecycle options, bound from the <c>app</c> section.</summary>
public sealed class ApplicationOptions : IComponentOptions
{
    public const string DefaultKey = "app";

    /// <summary>How long in-flight calls may take to finish on shutdown before they are cut.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (StopTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("stopTimeout", $"{StopTimeout} must be positive, e.g. \"10s\""));
        }
    }
}
