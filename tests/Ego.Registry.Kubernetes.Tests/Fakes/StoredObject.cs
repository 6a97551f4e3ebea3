using System.Text.Json.Nodes;

namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>An object held by the fake API: its resource (endpointslices or endpoints), namespace, owning Service and JSON.</summary>
internal sealed record StoredObject(string Resource, string Namespace, string Service, string Name, JsonObject Json, long Version);
