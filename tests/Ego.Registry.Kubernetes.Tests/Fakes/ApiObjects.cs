using System.Text.Json.Nodes;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>EndpointSlice and Endpoints JSON as the API serves them.</summary>
internal static class ApiObjects
{
    /// <summary>An EndpointSlice of <paramref name="service"/>; each address is <c>ip</c> (ready) or <c>ip!</c> (not ready).</summary>
    public static JsonObject Slice(string name, string service, (string Name, int Port)[] ports, params string[] addresses) => new()
    {
        ["kind"] = "EndpointSlice",
        ["apiVersion"] = "discovery.k8s.io/v1",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = service },
        },
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray([.. addresses.Select(a => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(a.TrimEnd('!')),
            ["conditions"] = new JsonObject { ["ready"] = !a.EndsWith('!'), ["serving"] = true, ["terminating"] = false },
            ["nodeName"] = "node-1",
            ["zone"] = "zone-a",
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = "pod-" + a.TrimEnd('!') },
        })]),
        ["ports"] = Ports(ports),
    };

    /// <summary>The v1 Endpoints of <paramref name="service"/>, one subset; <c>ip!</c> addresses are listed as not ready.</summary>
    public static JsonObject Endpoints(string service, (string Name, int Port)[] ports, params string[] addresses) => new()
    {
        ["kind"] = "Endpoints",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["name"] = service },
        ["subsets"] = new JsonArray(new JsonObject
        {
            ["addresses"] = Addresses(addresses.Where(a => !a.EndsWith('!'))),
            ["notReadyAddresses"] = Addresses(addresses.Where(a => a.EndsWith('!')).Select(a => a.TrimEnd('!'))),
            ["ports"] = Ports(ports),
        }),
    };

    private static JsonArray Addresses(IEnumerable<string> ips) =>
        new([.. ips.Select(ip => (JsonNode)new JsonObject { ["ip"] = ip, ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = "pod-" + ip } })]);

    private static JsonArray Ports((string Name, int Port)[] ports) =>
        new([.. ports.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["port"] = p.Port, ["protocol"] = "TCP" })]);
}
