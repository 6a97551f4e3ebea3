using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Ego.Tracing.Internal;

/// <summary>
/// The server span of every request on <c>server.http</c>: parent from <c>traceparent</c>, OpenTelemetry HTTP
/// attributes, and the trace id in the response header named by <c>EGO_TRACE_ID_NAME</c>.
/// </summary>
internal sealed class HttpServerTracing(RequestDelegate next, string traceIdHeader)
{
    private static readonly Func<IHeaderDictionary, string, string?> HeaderGetter = static (headers, name) =>
        headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        TraceContext.TryExtract(request.Headers, HeaderGetter, out var parent);
        using var activity = EgoTracing.StartServerSpan(request.Method, parent);
        if (activity is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers[traceIdHeader] = activity.TraceId.ToHexString();
        if (activity.IsAllDataRequested)
        {
            SetRequestTags(activity, context);
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Finish(activity, context, StatusCodes.Status500InternalServerError, exception);
            throw;
        }

        Finish(activity, context, context.Response.StatusCode, null);
    }

    private static void SetRequestTags(Activity activity, HttpContext context)
    {
        var request = context.Request;
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value is { Length: > 0 } path ? path : "/");
        if (request.QueryString.HasValue)
        {
            activity.SetTag("url.query", request.QueryString.Value!.TrimStart('?'));
        }

        activity.SetTag("server.address", request.Host.Host);
        if (request.Host.Port is { } port)
        {
            activity.SetTag("server.port", port);
        }

        activity.SetTag("network.protocol.version", request.Protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? request.Protocol[5..] : request.Protocol);
        if (context.Connection.RemoteIpAddress is { } peer)
        {
            activity.SetTag("client.address", peer.ToString());
            activity.SetTag("network.peer.address", peer.ToString());
            activity.SetTag("network.peer.port", context.Connection.RemotePort);
        }

        if (request.Headers.UserAgent is { Count: > 0 } agent)
        {
            activity.SetTag("user_agent.original", agent.ToString());
        }
    }

    private static void Finish(Activity activity, HttpContext context, int status, Exception? exception)
    {
        // The route is known only once routing ran, so the name is settled at the end.
        var route = (context.Features.Get<IEndpointFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText;
        if (!string.IsNullOrEmpty(route))
        {
            route = route.StartsWith('/') ? route : "/" + route;
            activity.DisplayName = context.Request.Method + " " + route;
            activity.SetTag("http.route", route);
        }

        activity.SetTag("http.response.status_code", status);
        if (exception is not null)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        }
        else if (status >= 500)
        {
            activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
