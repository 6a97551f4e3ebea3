namespace Ego.Cli.New;

/// <summary>
/// The inputs of <c>egoctl new</c>. <c>EgoSource</c> is a folder or feed with the Ego.* packages, written to the
/// service's nuget.config; null for the usual feeds.
/// </summary>
internal sealed record NewServiceRequest(string Name, ServiceKind Kind, string Output, string EgoVersion, string? EgoSource);
