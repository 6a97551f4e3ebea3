using Ego.Components;

namespace Ego.Registry.Etcd;

/// <summary>Options of <see cref="EtcdServiceRegistry"/> and <see cref="EtcdResolverFactory"/>, bound from the <c>registry</c> section.</summary>
public sealed class EtcdRegistryOptions : IComponentOptions
{
    /// <summary>First segment of every key: <c>/{prefix}/{appName}/providers/{scheme}://{host}:{port}</c>.</summary>
    public string Prefix { get; set; } = "ego";

    /// <summary>Lifetime of the lease a registration is attached to; an instance that stops renewing it disappears after this long.</summary>
    public TimeSpan ServiceTTL { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline of the registry's own etcd calls (register, deregister).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The host published for this instance; empty for the first non-loopback IPv4 address. Read by the application host.</summary>
    public string Host { get; set; } = "";

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (string.IsNullOrWhiteSpace(Prefix) || Prefix.Contains('/', StringComparison.Ordinal))
        {
            errors.Add(new("prefix", $"'{Prefix}' must be a non-empty key segment without '/', e.g. \"ego\""));
        }

        if (ServiceTTL < TimeSpan.FromSeconds(1))
        {
            errors.Add(new("serviceTTL", $"{ServiceTTL} must be at least 1s (etcd leases count whole seconds), e.g. \"10s\""));
        }

        if (ReadTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("readTimeout", $"{ReadTimeout} must be positive, e.g. \"3s\""));
        }
    }
}
