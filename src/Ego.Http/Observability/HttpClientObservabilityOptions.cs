using Ego.Components;
using Ego.Observability;

namespace Ego.Http.Observability;

/// <summary>Access-log and metric options of an HTTP client (EGO's <c>ehttp</c> keys and defaults), bound from the client's config section.</summary>
public sealed class HttpClientObservabilityOptions : IComponentOptions, IAccessLogOptions
{
    /// <summary>Writes an access line for every request; errors and slow requests are written regardless.</summary>
    public bool EnableAccessInterceptor { get; set; }

    /// <summary>Adds the request body as <c>req</c>.</summary>
    public bool EnableAccessInterceptorReq { get; set; }

    /// <summary>Adds the response body as <c>res</c>.</summary>
    public bool EnableAccessInterceptorRes { get; set; }

    /// <summary>Characters of <c>req</c> kept.</summary>
    public int AccessInterceptorReqMaxLength { get; set; } = 4096;

    /// <summary>Characters of <c>res</c> kept.</summary>
    public int AccessInterceptorResMaxLength { get; set; } = 4096;

    /// <summary>Requests longer than this are logged as <c>slow</c>; zero turns it off.</summary>
    public TimeSpan SlowLogThreshold { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Records the <c>ego_client_*</c> metrics (type <c>http</c>). Off by default, as EGO's: raw paths can have many values.</summary>
    public bool EnableMetricInterceptor { get; set; }

    /// <summary>Sends the application name as the <c>app</c> header, which EGO servers log as <c>peerName</c>.</summary>
    public bool EnableAppNameInterceptor { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
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
    }
}
