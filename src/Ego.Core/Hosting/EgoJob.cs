namespace Ego.Hosting;

/// <summary>A named one-shot task run with <c>--job=NAME</c> instead of the servers (e.g. <c>install</c>, <c>initialize</c>); its result is the exit code.</summary>
public sealed record EgoJob(string Name, string Description, Func<JobContext, CancellationToken, Task<int>> Run);
