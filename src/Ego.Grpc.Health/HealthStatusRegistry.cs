using System.Collections.Concurrent;
using Ego.Grpc.Health.V1;
using ServingStatus = Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ego.Grpc.Health;

/// <summary>
/// The serving status of each service ("" is the whole server), read by the health service and changed by
/// the application: SERVING once started, NOT_SERVING from the moment it begins to stop.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly ConcurrentDictionary<string, ServingStatus> statuses = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private event Action<string, ServingStatus>? Changed;

    /// <summary>The status of <paramref name="service"/>, or null when it is not registered.</summary>
    public ServingStatus? Get(string service) => statuses.TryGetValue(service, out var status) ? status : null;

    /// <summary>Every registered service and its status.</summary>
    public IReadOnlyDictionary<string, ServingStatus> Snapshot() => new Dictionary<string, ServingStatus>(statuses, StringComparer.Ordinal);

    public void Set(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (gate)
        {
            if (statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }

            statuses[service] = status;
        }

        Changed?.Invoke(service, status);
    }

    /// <summary>Marks every registered service, and the server, NOT_SERVING: called when the application starts stopping.</summary>
    public void SetAllNotServing()
    {
        Set("", ServingStatus.NotServing);
        foreach (var service in statuses.Keys)
        {
            Set(service, ServingStatus.NotServing);
        }
    }

    /// <summary>Calls <paramref name="onChange"/> for every status change of <paramref name="service"/> until disposed.</summary>
    public IDisposable Subscribe(string service, Action<ServingStatus> onChange)
    {
        Action<string, ServingStatus> handler = (changed, status) =>
        {
            if (changed == service)
            {
                onChange(status);
            }
        };
        Changed += handler;
        return new Subscription(() => Changed -= handler);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref dispose, null)?.Invoke();
    }
}
