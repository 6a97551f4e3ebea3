namespace Ego.Registry.Etcd.Tests.Support;

internal sealed record InstanceName(string Value);
