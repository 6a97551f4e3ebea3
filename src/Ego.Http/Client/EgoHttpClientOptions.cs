using Ego.Components;
using Ego.Discovery;
using Ego.Http.Observability;

namespace Ego.Http.Client;

/// <summary>Options of <see cref="EgoHttpClient"/>, bound from <c>http.&lt;name&gt;</c> (EGO's <c>ehttp</c> keys and defaults).</summary>
public sealed class EgoHttpClientOptions : IComponentOptions
{
    /// <summary>
    /// Server address: <c>host:port</c>, <c>http(s)://host:port</c>, a comma-separated list of them, <c>dns:///host:port</c>,
    /// or a registry's scheme (<c>k8s:///name.namespace:port</c>, <c>etcd:///name</c>).
    /// </summary>
    public string Addr { get; set; } = "";

    /// <summary>How requests are spread over the endpoints: <c>round_robin</c>, <c>p2c_ewma</c> or <c>pick_first</c>.</summary>
    public string BalancerName { get; set; } = Balancers.RoundRobin;

    /// <summary>How often a <c>dns:///</c> address is looked up again (also soon after a connection fails).</summary>
    public TimeSpan DnsRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole request, response body included (EGO: 2s); 0 for none.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long establishing a connection may take.</summary>
    public TimeSpan DialTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>An idle pooled connection is closed after this long (EGO: 90s).</summary>
    public TimeSpan IdleConnTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>A pooled connection is replaced after this long, so new endpoints behind one address get traffic; 0 for never.</summary>
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Connections per endpoint at most; 0 for no limit.</summary>
    public int MaxConnsPerHost { get; set; }

    /// <summary>Trace every request (client span, <c>traceparent</c> injection).</summary>
    public bool EnableTraceInterceptor { get; set; } = true;

    /// <summary>Writes an access line for every request; errors and slow requests are written regardless.</summary>
    public bool EnableAccessInterceptor { get; set; }

    /// <summary>Adds the request body as <c>req</c> to access lines.</summary>
    public bool EnableAccessInterceptorReq { get; set; }

    /// <summary>Adds the response body as <c>res</c> to access lines.</summary>
    public bool EnableAccessInterceptorRes { get; set; }

    /// <summary>Characters of <c>req</c> kept.</summary>
    public int AccessInterceptorReqMaxLength { get; set; } = 4096;

    /// <summary>Characters of <c>res</c> kept.</summary>
    public int AccessInterceptorResMaxLength { get; set; } = 4096;

    /// <summary>Requests longer than this are logged as <c>slow</c>; zero turns it off (EGO: 500ms).</summary>
    public TimeSpan SlowLogThreshold { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Records the <c>ego_client_*</c> metrics (type <c>http</c>); off by default as raw paths can have many values.</summary>
    public bool EnableMetricInterceptor { get; set; }

    /// <summary>Sends the application name as the <c>app</c> header.</summary>
    public bool EnableAppNameInterceptor { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Addr))
        {
            errors.Add(new("addr", "is empty: expected host:port, e.g. \"127.0.0.1:9001\", or scheme:///target, e.g. \"dns:///orders:9001\""));
        }

        if (!Balancers.IsKnown(BalancerName))
        {
            errors.Add(new("balancerName", $"'{BalancerName}' is not supported: expected {string.Join(", ", Balancers.Names)}"));
        }

        CheckPositive(errors, "dnsRefreshInterval", DnsRefreshInterval, "30s");
        CheckPositive(errors, "dialTimeout", DialTimeout, "3s");
        CheckPositive(errors, "idleConnTimeout", IdleConnTimeout, "90s");
        if (ReadTimeout < TimeSpan.Zero)
        {
            errors.Add(new("readTimeout", $"{ReadTimeout} is negative: expected a duration such as \"2s\" or 0 for none"));
        }

        if (ConnectionLifetime < TimeSpan.Zero)
        {
            errors.Add(new("connectionLifetime", $"{ConnectionLifetime} is negative: expected a duration such as \"5m\" or 0 for never"));
        }

        if (MaxConnsPerHost < 0)
        {
            errors.Add(new("maxConnsPerHost", $"{MaxConnsPerHost} is negative: expected a count or 0 for no limit"));
        }

        ToObservabilityOptions().Validate(errors);
    }

    /// <summary>The access-log and metric part, for <see cref="HttpClientObservabilityExtensions.Create"/>.</summary>
    public HttpClientObservabilityOptions ToObservabilityOptions() => new()
    {
        EnableAccessInterceptor = EnableAccessInterceptor,
        EnableAccessInterceptorReq = EnableAccessInterceptorReq,
        EnableAccessInterceptorRes = EnableAccessInterceptorRes,
        AccessInterceptorReqMaxLength = AccessInterceptorReqMaxLength,
        AccessInterceptorResMaxLength = AccessInterceptorResMaxLength,
        SlowLogThreshold = SlowLogThreshold,
        EnableMetricInterceptor = EnableMetricInterceptor,
        EnableAppNameInterceptor = EnableAppNameInterceptor,
    };

    private static void CheckPositive(ICollection<ComponentOptionError> errors, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(new(key, $"{value} must be positive, e.g. \"{example}\""));
        }
    }
}
