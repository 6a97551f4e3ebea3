using Ego.Components;
using Ego.Observability;

namespace Ego.Hosting;

/// <summary>Options of the main HTTP server, bound from <c>server.http</c>. The server runs when that section exists.</summary>
public sealed class HttpServerOptions : IComponentOptions, IAccessLogOptions
{
    public const string DefaultKey = "server.http";

    /// <summary>Address to listen on; empty means the <c>EGO_HOST</c> value (0.0.0.0 by default).</summary>
    public string Host { get; set; } = "";

    /// <summary>Port to listen on; 0 picks a free port.</summary>
    public int Port { get; set; } = 9001;

    /// <summary>Writes an access line for every request; errors and slow requests are written regardless.</summary>
    public bool EnableAccessInterceptor { get; set; } = true;

    /// <summary>Adds the request body as <c>req</c> to access lines (the body is buffered to read it).</summary>
    public bool EnableAccessInterceptorReq { get; set; }

    /// <summary>Adds the response body as <c>res</c> to access lines.</summary>
    public bool EnableAccessInterceptorRes { get; set; }

    /// <summary>Characters of <c>req</c> kept (EGO: 4 KiB).</summary>
    public int AccessInterceptorReqMaxLength { get; set; } = 4096;

    /// <summary>Characters of <c>res</c> kept (EGO: 4 KiB).</summary>
    public int AccessInterceptorResMaxLength { get; set; } = 4096;

    /// <summary>Requests longer than this are logged as <c>slow</c> (warning); zero turns it off.</summary>
    public TimeSpan SlowLogThreshold { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Records the <c>ego_server_*</c> metrics with type <c>http</c>.</summary>
    public bool EnableMetricInterceptor { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (AccessInterceptorReqMaxLength <= 0)
        {
            errors.Add(new("accessInterceptorReqMaxLength", $"{AccessInterceptorReqMaxLength} must be positive, e.g. 4096"));
        }

        if (AccessInterceptorResMaxLength <= 0)
        {
            errors.Add(new("accessInterceptorResMaxLength", $"{AccessInterceptorResMaxLength} must be positive, e.g. 4096"));
        }

        if (SlowLogThreshold < TimeSpan.Zero)
        {
            errors.Add(new("slowLogThreshold", $"{SlowLogThreshold} is negative: expected a duration such as \"500ms\" or 0 to turn it off"));
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add(new("port", $"{Port} is not a port: expected 0 to 65535"));
        }
    }
}
