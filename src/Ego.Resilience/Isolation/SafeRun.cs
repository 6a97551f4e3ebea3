using System.Runtime.CompilerServices;
using Ego.Resilience.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Resilience.Isolation;

/// <summary>
/// Runs work that must not bring the process down (go-zero's RunSafe/GoSafe): an exception is caught, logged with its
/// stack and counted as <c>ego_resilience_panics_total{type="background"}</c>, and the caller carries on.
/// </summary>
public static class SafeRun
{
    private static ILogger logger = NullLogger.Instance;

    /// <summary>Where caught exceptions are logged; set by the server registration from the application's logging.</summary>
    public static ILogger Logger
    {
        get => Volatile.Read(ref logger);
        set => Volatile.Write(ref logger, value ?? NullLogger.Instance);
    }

    /// <summary>Runs <paramref name="work"/> now, on this thread; returns false when it threw.</summary>
    public static bool Run(Action work, [CallerArgumentExpression(nameof(work))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            work();
            return true;
        }
        catch (Exception exception)
        {
            Report(name, exception);
            return false;
        }
    }

    /// <summary>Starts <paramref name="work"/> on the thread pool; the task completes (never faults) when it ends, true when it did not throw.</summary>
    public static Task<bool> Go(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default, [CallerArgumentExpression(nameof(work))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(work);
        return Task.Run(async () =>
        {
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return true;
            }
            catch (Exception exception)
            {
                Report(name, exception);
                return false;
            }
        }, CancellationToken.None);
    }

    private static void Report(string name, Exception exception)
    {
        ServerResilienceMetrics.Panic("background", "", name);
        IsolationLog.BackgroundFailed(Logger, name, exception);
    }
}
