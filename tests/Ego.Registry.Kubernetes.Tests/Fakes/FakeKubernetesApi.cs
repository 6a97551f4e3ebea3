using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>
/// A Kubernetes API server on 127.0.0.1 serving list and watch of EndpointSlices and v1 Endpoints the documented way:
/// lists carry <c>metadata.resourceVersion</c>, watches stream JSON lines from a version, expired versions get 410
/// (as a status or an ERROR event), bookmarks go to watches that asked for them, every request needs the bearer token.
/// </summary>
internal sealed partial class FakeKubernetesApi : IAsyncDisposable
{
    public const string Slices = "endpointslices";
    public const string Endpoints = "endpoints";

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Resource, string Namespace, string Name), StoredObject> objects = [];
    private readonly List<(string Type, StoredObject Object)> events = [];
    private readonly List<FakeWatch> watches = [];
    private readonly List<RecordedRequest> requests = [];
    private TaskCompletionSource requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long version = 100;
    private long compactedBelow;

    private FakeKubernetesApi(WebApplication app) => this.app = app;

    public Uri Address => new(app.Urls.First());

    /// <summary>The bearer token requests must carry.</summary>
    public string Token { get; set; } = "token-1";

    /// <summary>False answers 404 for discovery.k8s.io, as an API server without EndpointSlices does.</summary>
    public bool ServeEndpointSlices { get; set; } = true;

    /// <summary>True drops every connection, as an unreachable API server would.</summary>
    public bool Down { get; set; }

    public GoneMode Gone { get; set; }

    /// <summary>Starts on a free port of 127.0.0.1, over TLS with <paramref name="certificate"/> when given.</summary>
    public static async Task<FakeKubernetesApi> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeKubernetesApi(app);
        app.MapGet("/apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices", (HttpContext context, string ns) => api.HandleAsync(context, Slices, ns));
        app.MapGet("/api/v1/namespaces/{ns}/endpoints", (HttpContext context, string ns) => api.HandleAsync(context, Endpoints, ns));
        await app.StartAsync();
        return api;
    }

    /// <summary>Creates or replaces an object; with <paramref name="notify"/> false no event is recorded, as if it was compacted away.</summary>
    public string Put(string resource, string ns, string service, JsonObject json, bool notify = true)
    {
        lock (gate)
        {
            var name = json["metadata"]!["name"]!.GetValue<string>();
            var key = (resource, ns, name);
            var type = objects.ContainsKey(key) ? "MODIFIED" : "ADDED";
            var stored = Store(resource, ns, service, name, json);
            objects[key] = stored;
            if (notify)
            {
                Emit(type, stored);
            }

            return stored.Version.ToString(CultureInfo.InvariantCulture);
        }
    }

    public string Delete(string resource, string ns, string name)
    {
        lock (gate)
        {
            var old = objects[(resource, ns, name)];
            objects.Remove((resource, ns, name));
            var stored = Store(resource, ns, old.Service, name, old.Json);
            Emit("DELETED", stored);
            return stored.Version.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Sends a bookmark at a new version to every watch that allowed bookmarks; returns that version.</summary>
    public string Bookmark(string resource)
    {
        lock (gate)
        {
            var at = (++version).ToString(CultureInfo.InvariantCulture);
            var kind = resource == Slices ? "EndpointSlice" : "Endpoints";
            var line = new JsonObject
            {
                ["type"] = "BOOKMARK",
                ["object"] = new JsonObject { ["kind"] = kind, ["metadata"] = new JsonObject { ["resourceVersion"] = at } },
            }.ToJsonString();
            foreach (var watch in watches.Where(w => w.Bookmarks))
            {
                watch.Lines.Writer.TryWrite(line);
            }

            return at;
        }
    }

    /// <summary>Forgets the history: watches from any version before the current one get 410.</summary>
    public void Compact()
    {
        lock (gate)
        {
            compactedBelow = version;
        }
    }

    /// <summary>Ends every open watch, as the server does when <c>timeoutSeconds</c> pass.</summary>
    public void EndWatches()
    {
        lock (gate)
        {
            foreach (var watch in watches)
            {
                watch.Lines.Writer.TryComplete();
            }
        }
    }

    public RecordedRequest[] Requests()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    /// <summary>The first request from <paramref name="from"/> on matching <paramref name="match"/>, waiting for it if needed.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, int from = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (requests.Skip(from).FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                next = requested.Task;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        EndWatches();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private StoredObject Store(string resource, string ns, string service, string name, JsonObject json)
    {
        var copy = (JsonObject)json.DeepClone();
        var at = ++version;
        copy["metadata"]!["namespace"] = ns;
        copy["metadata"]!["resourceVersion"] = at.ToString(CultureInfo.InvariantCulture);
        return new StoredObject(resource, ns, service, name, copy, at);
    }

    private void Emit(string type, StoredObject stored)
    {
        events.Add((type, stored));
        var line = Line(type, stored.Json);
        foreach (var watch in watches.Where(w => w.Selects(stored)))
        {
            watch.Lines.Writer.TryWrite(line);
        }
    }

    private RecordedRequest Record(string resource, bool watch, string? resourceVersion, string? token, int status)
    {
        var request = new RecordedRequest(requests.Count, resource, watch, resourceVersion, token, status);
        requests.Add(request);
        var signal = requested;
        requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.TrySetResult();
        return request;
    }

    private static string Line(string type, JsonNode json) =>
        new JsonObject { ["type"] = type, ["object"] = json.DeepClone() }.ToJsonString();
}
