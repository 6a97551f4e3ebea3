using Microsoft.AspNetCore.Http;

namespace Ego.Hosting.Internal;

/// <summary>
/// First in the main HTTP pipeline: answers the <c>X-Health-Check</c> probe (200 when ready, 503 otherwise) without
/// reaching user endpoints, refuses new requests with 503 once the drain is over, and counts requests in flight.
/// </summary>
internal sealed class ServiceProbeMiddleware(RequestDelegate next, ApplicationReadiness readiness, ApplicationLifecycle lifecycle)
{
    public const string HealthCheckHeader = "X-Health-Check";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(HealthCheckHeader))
        {
            var ready = readiness.IsReady;
            context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(ready ? "ok\n" : "not ready\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!lifecycle.TryEnterRequest())
        {
            // Connection: close makes keep-alive clients reconnect, and so reach another instance.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.Connection = "close";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("server is stopping\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            lifecycle.ExitRequest();
        }
    }
}
