using System.Diagnostics;

namespace Ego.Tracing.Internal;

/// <summary>
/// Listens to the Ego source asking for propagation data only: spans then exist (ids, parent, flags) without
/// recording. An exporter's own listener asks for more; <see cref="ActivitySource"/> grants the highest request.
/// </summary>
internal static class PropagationListener
{
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) != 0)
        {
            return;
        }

        ActivitySource.AddActivityListener(new ActivityListener
        {
            ShouldListenTo = static source => source.Name == EgoTracing.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.PropagationData,
        });
    }
}
