using Ego.Components;

namespace Ego.Registry.Etcd;

/// <summary>Options of <see cref="EtcdClient"/>, bound from the <c>etcd</c> section (EGO's ego-component-eetcd keys).</summary>
public sealed class EtcdOptions : IComponentOptions
{
    /// <summary>Member addresses, <c>host:port</c> or <c>http://host:port</c>; calls fail over to the next one when one is unreachable.</summary>
    public List<string> Addrs { get; set; } = [];

    /// <summary>User for etcd authentication; empty for none.</summary>
    public string Username { get; set; } = "";

    /// <summary>Password of <see cref="Username"/>.</summary>
    public string Password { get; set; } = "";

    /// <summary>How long connecting to one member may take before the next one is tried.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline of every unary call (get, put, delete, txn, lease grant and revoke).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (Addrs.Count == 0 || Addrs.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new("addrs", "is empty or has an empty entry: expected a list of host:port, e.g. [\"127.0.0.1:2379\"]"));
        }

        foreach (var addr in Addrs.Where(a => !string.IsNullOrWhiteSpace(a) && !EtcdAddress.IsValid(a)))
        {
            errors.Add(new("addrs", $"'{addr}' is not an etcd address: expected host:port or http://host:port"));
        }

        if (Password.Length > 0 && Username.Length == 0)
        {
            errors.Add(new("password", "is set without username: expected both or neither"));
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("connectTimeout", $"{ConnectTimeout} must be positive, e.g. \"5s\""));
        }

        if (ReadTimeout <= TimeSpan.Zero)
        {
            errors.Add(new("readTimeout", $"{ReadTimeout} must be positive, e.g. \"3s\""));
        }
    }
}
