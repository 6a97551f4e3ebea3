using Ego.Components;

namespace Ego.Hosting;

/// <summary>Options of the main HTTP server, bound from <c>server.http</c>. The server runs when that section exists.</summary>
public sealed class HttpServerOptions : IComponentOptions
{
    public const string DefaultKey = "server.http";

    /// <summary>Address to listen on; empty means the <c>EGO_HOST</c> value (0.0.0.0 by default).</summary>
    public string Host { get; set; } = "";

    /// <summary>Port to listen on; 0 picks a free port.</summary>
    public int Port { get; set; } = 9001;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (Port is < 0 or > 65535)
        {
            errors.Add(new("port", $"{Port} is not a port: expected 0 to 65535"));
        }
    }
}
