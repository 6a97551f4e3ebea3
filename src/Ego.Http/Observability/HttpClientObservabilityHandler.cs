using System.Diagnostics;
using System.Globalization;
using Ego.Observability;
using Microsoft.AspNetCore.WebUtilities;

namespace Ego.Http.Observability;

/// <summary>
/// An HTTP client's access log and <c>ego_client_*</c> metrics (type <c>http</c>), and the headers EGO sends:
/// <c>app</c> and the extra keys of the call being served (<see cref="CallExtras"/>).
/// </summary>
public sealed class HttpClientObservabilityHandler : DelegatingHandler
{
    private const string AppHeader = "app";

    private readonly AccessLogger access;
    private readonly string? appName;
    private readonly bool metrics;

    /// <param name="access">Where access and debug lines go; its settings' name is the <c>name</c> label.</param>
    /// <param name="appName">Sent as the <c>app</c> header; <c>null</c> sends none.</param>
    /// <param name="enableMetrics">Records the <c>ego_client_*</c> metrics.</param>
    public HttpClientObservabilityHandler(AccessLogger access, string? appName, bool enableMetrics)
    {
        this.access = access ?? throw new ArgumentNullException(nameof(access));
        this.appName = string.IsNullOrEmpty(appName) ? null : appName;
        metrics = enableMetrics;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = access.FindCaller();
        if (appName is not null && !request.Headers.Contains(AppHeader))
        {
            request.Headers.TryAddWithoutValidation(AppHeader, appName);
        }

        var extras = CallExtras.Current;
        foreach (var pair in extras)
        {
            if (!request.Headers.Contains(pair.Key))
            {
                request.Headers.TryAddWithoutValidation(pair.Key, pair.Value);
            }
        }

        var uri = request.RequestUri;
        var peer = uri is { IsAbsoluteUri: true } ? uri.Authority : "";
        var metricMethod = request.Method.Method + "." + (uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : "");
        if (metrics)
        {
            EgoCallMetrics.ClientCallStarted(CallMetricTypes.Http, access.Settings.Name, metricMethod, peer);
        }

        var start = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        Exception? error = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception)
        {
            error = exception;
            throw;
        }
        finally
        {
            var cost = Stopwatch.GetElapsedTime(start);
            await EndAsync(request, response, error, caller, extras, peer, metricMethod, cost).ConfigureAwait(false);
        }
    }

    private async Task EndAsync(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, string? caller,
        IReadOnlyList<KeyValuePair<string, string>> extras, string peer, string metricMethod, TimeSpan cost)
    {
        var status = response is null ? 0 : (int)response.StatusCode;
        if (metrics)
        {
            var code = response is not null ? ReasonPhrases.GetReasonPhrase(status) : error is OperationCanceledException ? "canceled" : "error";
            EgoCallMetrics.ClientCallHandled(CallMetricTypes.Http, access.Settings.Name, metricMethod, peer, code, cost);
        }

        var failed = error is not null || status >= 400;

        // A transport failure has no HTTP status; as EGO's clients, it counts as a server-side failure.
        var uniform = response is null ? 500 : status;
        var unexpected = error is not (null or HttpRequestException or OperationCanceledException);
        if (!access.ShouldWrite(cost, uniform, failed, unexpected))
        {
            return;
        }
        access.Write(new AccessRecord
        {
            Method = request.Method.Method + "." + (request.RequestUri is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : request.RequestUri?.ToString()),
            Address = peer,
            Cost = cost,
            Code = status,
            UniformCode = uniform,
            Error = !failed || unexpected ? null : error?.Message ?? status.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrases.GetReasonPhrase(status),
            Panic = unexpected ? error : null,
            PeerIp = "",
            PeerName = "",
            Request = access.WantsRequest && request.Content is not null ? await ReadAsync(request.Content, access.Settings.RequestMaxLength).ConfigureAwait(false) : null,
            Response = access.WantsResponse && response?.Content is not null ? await ReadAsync(response.Content, access.Settings.ResponseMaxLength).ConfigureAwait(false) : null,
            Extras = extras,
            Caller = caller,
        });
    }

    private static async Task<string?> ReadAsync(HttpContent content, int max)
    {
        // Buffers the content (HttpClient buffers responses by default) so the caller can still read it.
        await content.LoadIntoBufferAsync().ConfigureAwait(false);
        var text = await content.ReadAsStringAsync().ConfigureAwait(false);
        return text.Length > max + 1 ? text[..(max + 1)] : text;
    }
}
