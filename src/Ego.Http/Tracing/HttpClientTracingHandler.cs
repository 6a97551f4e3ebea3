using System.Diagnostics;
using System.Globalization;
using Ego.Tracing;

namespace Ego.Http.Tracing;

/// <summary>
/// Client span of every request sent through the <see cref="HttpClient"/>, with <c>traceparent</c>/<c>tracestate</c>
/// injected into the request headers. Add it with <see cref="HttpClientTracingExtensions.AddEgoTracing"/>.
/// </summary>
public sealed class HttpClientTracingHandler : DelegatingHandler
{
    private static readonly Action<HttpRequestMessage, string, string> HeaderSetter = static (request, name, value) =>
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        using var activity = EgoTracing.Source.StartActivity(method, ActivityKind.Client);
        if (activity is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        TraceContext.Inject(activity.Context, request, HeaderSetter);
        if (activity.IsAllDataRequested && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.full", uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped));
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
                activity.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception exception)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }
}
