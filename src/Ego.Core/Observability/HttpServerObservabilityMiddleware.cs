using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Ego.Observability.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Ego.Observability;

/// <summary>
/// The HTTP server's access log and <c>ego_server_*</c> metrics (type <c>http</c>): method <c>GET./route/{pattern}</c>
/// from the matched endpoint (<c>unmatched</c> in metrics when no route matched), the caller's <c>app</c> header as peer,
/// and the extra-key headers made available to the handler. An exception from the pipeline is the <c>panic</c> event,
/// answered with 500 when the response has not started.
/// </summary>
public sealed class HttpServerObservabilityMiddleware
{
    private const string AppHeader = "app";
    private const string Unmatched = "unmatched";

    private static readonly ConcurrentDictionary<(string Verb, string Pattern), string> Methods = new();

    private readonly RequestDelegate next;
    private readonly AccessLogger access;
    private readonly bool metrics;

    public HttpServerObservabilityMiddleware(RequestDelegate next, AccessLogger access, bool enableMetrics = true)
    {
        this.next = next ?? throw new ArgumentNullException(nameof(next));
        this.access = access ?? throw new ArgumentNullException(nameof(access));
        metrics = enableMetrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var peerName = request.Headers[AppHeader].ToString();
        var extras = ReadExtras(request.Headers);
        CallExtras.Set(extras);
        var wantsRequest = access.WantsRequest;
        if (wantsRequest)
        {
            request.EnableBuffering();
        }

        CappedCopyStream? copy = null;
        if (access.WantsResponse)
        {
            copy = new CappedCopyStream(context.Response.Body, access.Settings.ResponseMaxLength);
            context.Response.Body = copy;
        }

        var start = Stopwatch.GetTimestamp();
        Exception? panic = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            panic = exception;
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
        finally
        {
            if (copy is not null)
            {
                context.Response.Body = copy.Inner;
            }
        }

        var cost = Stopwatch.GetElapsedTime(start);
        var status = context.Response.StatusCode;
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var method = endpoint?.RoutePattern.RawText is { } pattern ? MethodOf(request.Method, pattern) : null;
        if (metrics)
        {
            var statusText = StatusTexts.Of(status);
            var label = method ?? Unmatched;
            var host = request.Host.Value ?? "";
            EgoCallMetrics.ServerCallStarted(CallMetricTypes.Http, label, peerName, host);
            EgoCallMetrics.ServerCallHandled(CallMetricTypes.Http, label, peerName, ReasonPhrases.GetReasonPhrase(status), statusText, host, cost);
        }

        var failed = status >= 400 || panic is not null;
        if (!access.ShouldWrite(cost, status, failed, panic is not null))
        {
            return;
        }

        EnsureAddress(context);
        access.Write(new AccessRecord
        {
            Method = method ?? request.Method + "." + request.Path.Value,
            Cost = cost,
            Code = status,
            UniformCode = status,
            Error = failed && panic is null ? status.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrases.GetReasonPhrase(status) : null,
            Panic = panic,
            PeerIp = context.Connection.RemoteIpAddress?.ToString() ?? "",
            PeerName = peerName,
            Request = wantsRequest ? await ReadBodyAsync(request, access.Settings.RequestMaxLength).ConfigureAwait(false) : null,
            Response = copy?.Text(),
            Extras = extras,
            Caller = Caller(endpoint, panic),
            Event = failed && context.Items.TryGetValue(AccessEvent.StateKey, out var refused) ? refused as string : null,
        });
    }

    private string? Caller(RouteEndpoint? endpoint, Exception? panic)
    {
        if (!access.Settings.Debug)
        {
            return null;
        }

        if (panic is not null)
        {
            return access.FindCaller(panic);
        }

        return endpoint?.Metadata.GetMetadata<MethodInfo>() is { } handler ? access.FindCaller(handler) : null;
    }

    private static string MethodOf(string verb, string pattern) =>
        Methods.GetOrAdd((verb, pattern), static key => key.Verb + "." + key.Pattern);

    private KeyValuePair<string, string>[]? ReadExtras(IHeaderDictionary headers)
    {
        var keys = access.Settings.ExtraKeys;
        if (keys.Count == 0)
        {
            return null;
        }

        List<KeyValuePair<string, string>>? values = null;
        foreach (var key in keys)
        {
            if (headers.TryGetValue(key, out var value) && value.Count > 0)
            {
                (values ??= new(keys.Count)).Add(new(key, value.ToString()));
            }
        }

        return values?.ToArray();
    }

    private void EnsureAddress(HttpContext context)
    {
        if (access.Settings.Address.Length == 0 && context.Connection.LocalIpAddress is { } ip)
        {
            access.Settings.Address = ip + ":" + context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, int max)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }

        request.Body.Position = 0;
        var buffer = new char[max + 1];
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var read = await reader.ReadBlockAsync(buffer.AsMemory()).ConfigureAwait(false);
        return new string(buffer, 0, read);
    }
}
