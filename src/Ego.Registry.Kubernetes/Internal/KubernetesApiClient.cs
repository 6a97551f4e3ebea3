using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ego.Registry.Kubernetes.Internal.Models;

namespace Ego.Registry.Kubernetes.Internal;

/// <summary>
/// The two requests the resolver makes: list the objects of a Service, and watch them from a resource version
/// (newline-delimited JSON events on a chunked response, bookmarks asked for).
/// </summary>
internal sealed class KubernetesApiClient(HttpClient http, TokenSource tokens, TimeProvider time, TimeSpan requestTimeout)
{
    private static readonly KubernetesJsonContext Json = KubernetesJsonContext.Default;

    public async Task<ResourceList> ListAsync(EndpointSource source, KubernetesTarget target, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(requestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var response = await SendAsync(ResourcePath(source, target), linked.Token).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        if (source == EndpointSource.EndpointSlices)
        {
            var slices = await JsonSerializer.DeserializeAsync(body, Json.EndpointSliceList, linked.Token).ConfigureAwait(false);
            return new ResourceList([.. (slices?.Items ?? []).Select(s => Slice(s, target))], slices?.Metadata?.ResourceVersion ?? "");
        }

        var list = await JsonSerializer.DeserializeAsync(body, Json.V1EndpointsList, linked.Token).ConfigureAwait(false);
        return new ResourceList([.. (list?.Items ?? []).Select(e => Endpoints(e, target))], list?.Metadata?.ResourceVersion ?? "");
    }

    /// <summary>
    /// Events after <paramref name="resourceVersion"/> until the server ends the watch (its <c>timeoutSeconds</c>), the
    /// connection drops, or nothing arrives for <paramref name="timeout"/> plus the request timeout; all three simply end the sequence.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(EndpointSource source, KubernetesTarget target, string resourceVersion, TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var path = $"{ResourcePath(source, target)}&watch=1&resourceVersion={Uri.EscapeDataString(resourceVersion)}&allowWatchBookmarks=true&timeoutSeconds={seconds}";
        using var guard = new CancellationTokenSource(timeout + requestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, guard.Token);
        using var response = await SendAsync(path, linked.Token).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await ReadLineAsync(reader, cancellationToken, linked.Token).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return Parse(source, target, line);
            }
        }
    }

    /// <summary>The next line; null when the stream ends, the connection drops or the guard fires.</summary>
    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken, CancellationToken guarded)
    {
        try
        {
            return await reader.ReadLineAsync(guarded).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or OperationCanceledException or HttpRequestException)
        {
            return null;
        }
    }

    private static WatchEvent Parse(EndpointSource source, KubernetesTarget target, string line)
    {
        var envelope = JsonSerializer.Deserialize(line, Json.WatchEventEnvelope)
            ?? throw new JsonException($"watch sent '{line}': expected an event object");
        switch (envelope.Type)
        {
            case "ERROR":
                var status = envelope.Object.Deserialize(Json.ApiStatus) ?? new ApiStatus();
                return new WatchEvent("ERROR", default, null, status);
            case "ADDED" or "MODIFIED" or "DELETED" or "BOOKMARK" when source == EndpointSource.EndpointSlices:
                var slice = envelope.Object.Deserialize(Json.EndpointSlice) ?? new EndpointSlice();
                return new WatchEvent(envelope.Type, Slice(slice, target), slice.Metadata?.ResourceVersion, null);
            case "ADDED" or "MODIFIED" or "DELETED" or "BOOKMARK":
                var endpoints = envelope.Object.Deserialize(Json.V1Endpoints) ?? new V1Endpoints();
                return new WatchEvent(envelope.Type, Endpoints(endpoints, target), endpoints.Metadata?.ResourceVersion, null);
            default:
                throw new JsonException($"watch sent an event of type '{envelope.Type}': expected ADDED, MODIFIED, DELETED, BOOKMARK or ERROR");
        }
    }

    private static ResourceItem Slice(EndpointSlice slice, KubernetesTarget target) =>
        new(slice.Metadata?.Name ?? "", EndpointExtractor.FromSlice(slice, target));

    private static ResourceItem Endpoints(V1Endpoints endpoints, KubernetesTarget target) =>
        new(endpoints.Metadata?.Name ?? "", EndpointExtractor.FromEndpoints(endpoints, target));

    private static string ResourcePath(EndpointSource source, KubernetesTarget target)
    {
        var ns = Uri.EscapeDataString(target.Namespace);
        var service = Uri.EscapeDataString(target.Service);
        return source == EndpointSource.EndpointSlices
            ? $"apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3D{service}"
            : $"api/v1/namespaces/{ns}/endpoints?fieldSelector=metadata.name%3D{service}";
    }

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (tokens.Current() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            if (code == 401)
            {
                tokens.Invalidate();
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = TryStatus(text);
            var detail = status?.Message is { Length: > 0 } message ? $"{status.Reason} {message}".Trim() : response.ReasonPhrase;
            throw new KubernetesApiException(code, $"GET {http.BaseAddress}{path.Split('&')[0]} answered {code}: {detail}");
        }
    }

    private static ApiStatus? TryStatus(string text)
    {
        try
        {
            return text.Length > 0 ? JsonSerializer.Deserialize(text, Json.ApiStatus) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
