using System.Collections.Concurrent;
using System.Globalization;
using Ego.Observability;
using Ego.Resilience.Timeouts;
using Ego.Resilience.Timeouts.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Ego.Resilience.Server.Internal;

/// <summary>
/// The HTTP server's traffic governance, keyed by route (<c>GET./users/{id}</c>): body size, concurrency cap, load
/// shedding, rate limit (429 or 503 with <c>Retry-After</c>), deadline (504), isolation. Runs after routing so the
/// route is known, inside the access-log middleware so refusals are logged with their event.
/// </summary>
internal sealed class HttpServerResilienceMiddleware(RequestDelegate next, ServerGovernance governance)
{
    private const string Unmatched = "unmatched";
    private static readonly ConcurrentDictionary<(string Verb, string Pattern), string> Routes = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var max = governance.Options.MaxRequestBodySize;
        var method = RouteOf(context);
        if (max > 0 && !LimitBody(context, max))
        {
            ServerResilienceMetrics.Rejection(governance.Type, governance.Name, method, ServerResilienceMetrics.BodyTooLarge);
            context.Items[AccessEvent.StateKey] = AccessEvent.Limited;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!governance.TryAdmit(method, out var admission, out var rejection))
        {
            await RefuseAsync(context, rejection).ConfigureAwait(false);
            return;
        }

        if (admission.Standby is not null)
        {
            (var admitted, admission, rejection) = await governance.SettleAsync(method, admission).ConfigureAwait(false);
            if (!admitted)
            {
                await RefuseAsync(context, rejection).ConfigureAwait(false);
                return;
            }
        }

        var passed = false;
        try
        {
            if (governance.Timeouts.TryGet(method, out var setting))
            {
                await WithDeadlineAsync(context, method, setting).ConfigureAwait(false);
            }
            else
            {
                await next(context).ConfigureAwait(false);
            }

            passed = context.Response.StatusCode < 500;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            governance.Caught(method);
            throw;
        }
        finally
        {
            governance.Release(admission, passed);
        }
    }

    private static Task RefuseAsync(HttpContext context, in Rejection rejection)
    {
        context.Items[AccessEvent.StateKey] = rejection.Event;
        var response = context.Response;
        response.StatusCode = rejection.Event == AccessEvent.Shed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(rejection.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(rejection.Detail, context.RequestAborted);
    }

    private async Task WithDeadlineAsync(HttpContext context, string method, TimeoutSetting setting)
    {
        var aborted = context.RequestAborted;
        using var deadline = new DeadlineSource(aborted, setting.Timeout, governance.TimeProvider);
        context.RequestAborted = deadline.Token;
        try
        {
            // Not WaitAsync: the HttpContext must not outlive the request, so the handler is awaited and stops through
            // its token (RequestAborted) rather than being abandoned.
            await next(context).ConfigureAwait(false);
            if (!deadline.Expired)
            {
                return;
            }

            throw new OperationCanceledException(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            var text = TimeoutPolicy.Describe(setting);
            governance.TimedOut(method, text);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(text, aborted).ConfigureAwait(false);
            }
        }
        finally
        {
            context.RequestAborted = aborted;
        }
    }

    private static bool LimitBody(HttpContext context, long max)
    {
        if (context.Request.ContentLength > max)
        {
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return true;
    }

    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
            ? Routes.GetOrAdd((context.Request.Method, pattern), static key => key.Verb + "." + key.Pattern)
            : Unmatched;
}
