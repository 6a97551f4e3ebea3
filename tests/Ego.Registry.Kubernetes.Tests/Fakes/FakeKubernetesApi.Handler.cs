using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>The request side of the fake API: token check, list, watch.</summary>
internal sealed partial class FakeKubernetesApi
{
    private async Task HandleAsync(HttpContext context, string resource, string ns)
    {
        var query = context.Request.Query;
        var watch = query["watch"] is ["1"] or ["true"];
        var resourceVersion = query["resourceVersion"].FirstOrDefault();
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (Down)
        {
            lock (gate)
            {
                Record(resource, watch, resourceVersion, token, 0);
            }

            context.Abort();
            return;
        }

        var status = token != Token ? 401 : resource == Slices && !ServeEndpointSlices ? 404 : 200;
        var service = Selected(resource, query);
        if (status == 200 && service is null)
        {
            status = 400;
        }

        if (status != 200 || !watch)
        {
            JsonObject body;
            lock (gate)
            {
                Record(resource, watch, resourceVersion, token, status);
                body = status == 200 ? List(resource, ns, service!) : Status(status, status switch { 401 => "Unauthorized", 404 => "NotFound", _ => "BadRequest" }, "request refused");
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(body);
            return;
        }

        await WatchAsync(context, resource, ns, service!, resourceVersion, token);
    }

    private async Task WatchAsync(HttpContext context, string resource, string ns, string service, string? resourceVersion, string? token)
    {
        var from = long.Parse(resourceVersion ?? "0", CultureInfo.InvariantCulture);
        var watch = new FakeWatch(resource, ns, service, context.Request.Query["allowWatchBookmarks"] is ["true"]);
        lock (gate)
        {
            if (from < compactedBelow)
            {
                Record(resource, true, resourceVersion, token, Gone == GoneMode.HttpStatus ? 410 : 200);
            }
            else
            {
                foreach (var (type, stored) in events.Where(e => e.Object.Version > from && watch.Selects(e.Object)))
                {
                    watch.Lines.Writer.TryWrite(Line(type, stored.Json));
                }

                watches.Add(watch);
                Record(resource, true, resourceVersion, token, 200);
            }
        }

        if (from < compactedBelow)
        {
            var expired = Status(410, "Expired", $"too old resource version: {from} ({compactedBelow})");
            if (Gone == GoneMode.HttpStatus)
            {
                context.Response.StatusCode = 410;
                await context.Response.WriteAsJsonAsync(expired);
                return;
            }

            watch.Lines.Writer.TryWrite(new JsonObject { ["type"] = "ERROR", ["object"] = expired }.ToJsonString());
            watch.Lines.Writer.TryComplete();
        }

        var seconds = int.Parse(context.Request.Query["timeoutSeconds"].FirstOrDefault() ?? "1800", CultureInfo.InvariantCulture);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(timeout.Token);
            await foreach (var line in watch.Lines.Reader.ReadAllAsync(timeout.Token))
            {
                await context.Response.WriteAsync(line + "\n", timeout.Token);
                await context.Response.Body.FlushAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds passed or the client went away: the watch ends like on the real server.
        }
        finally
        {
            lock (gate)
            {
                watches.Remove(watch);
            }
        }
    }

    private JsonObject List(string resource, string ns, string service)
    {
        var items = new JsonArray([.. objects.Values
            .Where(o => o.Resource == resource && o.Namespace == ns && o.Service == service)
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => o.Json.DeepClone())]);
        return new JsonObject
        {
            ["kind"] = resource == Slices ? "EndpointSliceList" : "EndpointsList",
            ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) },
            ["items"] = items,
        };
    }

    private static string? Selected(string resource, IQueryCollection query)
    {
        var (parameter, prefix) = resource == Slices ? ("labelSelector", "kubernetes.io/service-name=") : ("fieldSelector", "metadata.name=");
        var selector = query[parameter].FirstOrDefault();
        return selector is not null && selector.StartsWith(prefix, StringComparison.Ordinal) ? selector[prefix.Length..] : null;
    }

    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };
}
