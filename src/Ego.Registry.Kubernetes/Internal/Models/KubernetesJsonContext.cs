using System.Text.Json.Serialization;

namespace Ego.Registry.Kubernetes.Internal.Models;

/// <summary>Source-generated (reflection-free) serialization of the API objects the resolver reads.</summary>
[JsonSerializable(typeof(EndpointSliceList))]
[JsonSerializable(typeof(EndpointSlice))]
[JsonSerializable(typeof(V1EndpointsList))]
[JsonSerializable(typeof(V1Endpoints))]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(WatchEventEnvelope))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
