namespace Ego.Hosting;

/// <summary>
/// Whether the application is ready for traffic: true once every server has started, false again from the
/// moment the application begins to stop. Readiness probes and the gRPC health service follow it.
/// </summary>
public sealed class ApplicationReadiness
{
    private readonly Lock gate = new();
    private bool ready;
    private Action<bool>? changed;

    public bool IsReady
    {
        get
        {
            lock (gate)
            {
                return ready;
            }
        }
    }

    /// <summary>Calls <paramref name="onChange"/> with the current state now and with every change until disposed.</summary>
    public IDisposable Subscribe(Action<bool> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        bool current;
        lock (gate)
        {
            changed += onChange;
            current = ready;
        }

        onChange(current);
        return new Subscription(this, onChange);
    }

    /// <summary>Sets the state; the application host calls it, tests may too.</summary>
    public void Set(bool isReady)
    {
        Action<bool>? listeners;
        lock (gate)
        {
            if (ready == isReady)
            {
                return;
            }

            ready = isReady;
            listeners = changed;
        }

        listeners?.Invoke(isReady);
    }

    private void Unsubscribe(Action<bool> onChange)
    {
        lock (gate)
        {
            changed -= onChange;
        }
    }

    private sealed class Subscription(ApplicationReadiness owner, Action<bool> onChange) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Unsubscribe(onChange);
            }
        }
    }
}
