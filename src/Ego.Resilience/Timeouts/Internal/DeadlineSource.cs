namespace Ego.Resilience.Timeouts.Internal;

/// <summary>
/// The token of a configured deadline: one source that its timer or the caller going away cancels, with one
/// registration on the caller's token rather than a linked source (a second source and a second registration per call).
/// </summary>
internal readonly struct DeadlineSource : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration callerGone;
    private readonly CancellationToken callerToken;

    public DeadlineSource(CancellationToken callerToken, TimeSpan timeout, TimeProvider timeProvider)
    {
        source = new CancellationTokenSource(timeout, timeProvider);
        this.callerToken = callerToken;
        callerGone = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
    }

    /// <summary>Cancelled at the deadline or when the caller goes away.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>True when the deadline, not the caller, ended the call.</summary>
    public bool Expired => source.IsCancellationRequested && !callerToken.IsCancellationRequested;

    public void Dispose()
    {
        callerGone.Dispose();
        source.Dispose();
    }
}
