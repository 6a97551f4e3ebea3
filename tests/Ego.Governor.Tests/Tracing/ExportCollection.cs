namespace Ego.Governor.Tests.Tracing;

/// <summary>
/// Tests that run a tracer provider. Every provider in the process listens to the one Ego source, and a span one of
/// them samples is recorded for all, so these tests run alone: a fraction-0 or ratio check would otherwise see spans
/// sampled by another test's provider.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportCollection
{
    public const string Name = "trace export";
}
