using Ego.Components;

namespace Ego.Governor.Server;

/// <summary>Options of the governor server, bound from <c>server.governor</c> (EGO's keys).</summary>
public sealed class GovernorOptions : IComponentOptions
{
    public const string DefaultKey = "server.governor";

    /// <summary>Address to bind; empty for the application's host (<c>--host</c>/<c>EGO_HOST</c>, 0.0.0.0 by default).</summary>
    public string Host { get; set; } = "";

    /// <summary>Port to bind; 0 picks a free port (see <see cref="GovernorServer.Addresses"/>).</summary>
    public int Port { get; set; } = 9003;

    /// <summary>tcp, tcp4 or tcp6.</summary>
    public string Network { get; set; } = "tcp4";

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (Port is < 0 or > 65535)
        {
            errors.Add(new("port", $"{Port} is out of range: expected 0-65535"));
        }

        if (Network is not ("tcp" or "tcp4" or "tcp6"))
        {
            errors.Add(new("network", $"'{Network}' is not supported: expected tcp, tcp4 or tcp6"));
        }
    }
}
