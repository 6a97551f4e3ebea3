using Ego.FailFast;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ego.Components;

/// <summary>
/// An <see cref="IOptionsMonitor{TOptions}"/> over a component's section that re-binds and re-validates on every
/// config reload. A reload whose values do not bind or validate is logged with the key and rejected: the last
/// good options stay current and no listener is called.
/// </summary>
public sealed class ComponentOptionsMonitor<TOptions> : IOptionsMonitor<TOptions>, IDisposable
    where TOptions : class, new()
{
    private readonly IConfiguration configuration;
    private readonly string key;
    private readonly CallerLocation caller;
    private readonly ILogger logger;
    private readonly ComponentRegistry? registry;
    private readonly IDisposable reloadRegistration;
    private event Action<TOptions, string?>? Changed;

    public ComponentOptionsMonitor(IConfiguration configuration, string key, TOptions initial, CallerLocation caller, ILogger logger, ComponentRegistry? registry = null)
    {
        this.configuration = configuration;
        this.key = key;
        this.caller = caller;
        this.logger = logger;
        this.registry = registry;
        CurrentValue = initial;
        reloadRegistration = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public TOptions CurrentValue { get; private set; }

    public TOptions Get(string? name) => CurrentValue;

    public IDisposable OnChange(Action<TOptions, string?> listener)
    {
        Changed += listener;
        return new Unsubscribe(() => Changed -= listener);
    }

    public void Dispose() => reloadRegistration.Dispose();

    private void Reload()
    {
        TOptions next;
        try
        {
            next = ComponentConfiguration.Bind<TOptions>(configuration, key, caller, key).Options;
        }
        catch (EgoStartupException exception)
        {
            ComponentLog.ReloadRejected(logger, key, exception.Error);
            return;
        }

        CurrentValue = next;
        registry?.Register(key, next);
        Changed?.Invoke(next, Options.DefaultName);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        private Action? action = action;

        public void Dispose() => Interlocked.Exchange(ref action, null)?.Invoke();
    }
}
