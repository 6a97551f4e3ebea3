namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>A request the fake API answered: list or watch, of which resource, from which version, with which token.</summary>
internal sealed record RecordedRequest(int Index, string Resource, bool Watch, string? ResourceVersion, string? Token, int Status);
