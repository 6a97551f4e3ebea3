using System.Net;
using System.Runtime.CompilerServices;
using Ego.Build;
using Ego.Components;
using Ego.Configuration;
using Ego.FailFast;
using Ego.Hosting.Internal;
using Ego.Logging;
using Ego.Tracing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ego.Hosting;

/// <summary>
/// Builds an <see cref="EgoApplication"/>: flags and <c>EGO_*</c> variables, the config file (watched),
/// logging, build info, jobs and the servers declared in config. Start-up errors are kept and reported
/// as one fail-fast block when the application runs.
/// </summary>
public sealed class EgoApplicationBuilder
{
    private readonly WebApplicationBuilder web;
    private readonly CallerLocation caller;
    private readonly List<Func<IServiceProvider, CancellationToken, Task>> beforeStart = [];
    private readonly List<(StopStage Stage, Func<IServiceProvider, CancellationToken, Task> Hook)> stopHooks = [];
    private readonly List<Action<IApplicationBuilder>> pipelineStarts = [];
    private EgoStartupException? startupError;

    internal EgoApplicationBuilder(string[] args, CallerLocation caller, IReadOnlyDictionary<string, string?>? environmentVariables)
    {
        this.caller = caller;
        CommandLine = Capture(() => EgoCommandLineParser.Parse(args), "invalid flag") ?? new EgoCommandLine();
        Environment = Capture(() => EgoEnvironmentResolver.Resolve(CommandLine, environmentVariables), "invalid environment") ?? new EgoEnvironment();
        BuildInfo = BuildInfo.FromAssembly();
        UnhandledStartupErrors.Install(() => Environment.Debug);

        web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        web.Configuration.Sources.Clear();
        ConfigFile = AddConfigFile();
        web.Configuration.AddInMemoryCollection(EnvironmentOverrides(environmentVariables ?? EgoEnvironmentResolver.ReadProcessEnvironment()));
        web.Configuration.AddInMemoryCollection(CommandLine.ConfigOverrides);

        web.Logging.ClearProviders();
        if (startupError is null)
        {
            web.Logging.AddEgoLogging(web.Configuration, Environment);
        }

        web.Services.AddSingleton(Environment);
        web.Services.AddSingleton(BuildInfo);
        web.Services.AddSingleton(Jobs);
        web.Services.AddSingleton(Components);
        web.Services.AddSingleton<ApplicationReadiness>();
        web.Services.AddSingleton<ApplicationLifecycle>();
        web.Services.AddSingleton<IStartupFilter, ServiceProbeStartupFilter>();
        web.Services.AddSingleton(TimeProvider.System);
        ConfigureHttpServer();
        ConfigureLifetime();
    }

    /// <summary>Settings from flags and <c>EGO_*</c> environment variables.</summary>
    public EgoEnvironment Environment { get; }

    public EgoCommandLine CommandLine { get; }

    public BuildInfo BuildInfo { get; }

    public IServiceCollection Services => web.Services;

    /// <summary>The layered configuration: file &lt; <c>EGO__</c> environment variables &lt; flags.</summary>
    public ConfigurationManager Configuration => web.Configuration;

    public ILoggingBuilder Logging => web.Logging;

    public ConfigureWebHostBuilder WebHost => web.WebHost;

    /// <summary>The config file provider, or null when the start already failed.</summary>
    public EgoFileConfigurationProvider? ConfigFile { get; }

    public JobRegistry Jobs { get; } = new();

    /// <summary>Components built so far with their effective options, shown by <c>--dump-config</c>.</summary>
    public ComponentRegistry Components { get; } = new();

    /// <summary>Keys found in bound sections that no option reads; logged at debug level at start.</summary>
    internal List<string> UnknownKeys { get; } = [];

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="key"/> over its defaults, validates it and registers it
    /// as a singleton. A bad value is reported as a fail-fast block naming the key and this call's file:line when the app runs.
    /// </summary>
    public TOptions AddOptions<TOptions>(string key, bool required = false, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where TOptions : class, new()
    {
        var options = new TOptions();
        var caller = new CallerLocation(callerFile, callerLine);
        if (startupError is null)
        {
            try
            {
                var binding = ComponentConfiguration.Bind<TOptions>(Configuration, key, caller, key, required);
                options = binding.Options;
                UnknownKeys.AddRange(binding.UnknownKeys);
            }
            catch (EgoStartupException exception)
            {
                startupError = exception;
            }
        }

        Components.Register(key, options);
        web.Services.AddSingleton(options);
        web.Services.AddSingleton<IOptionsMonitor<TOptions>>(services => new ComponentOptionsMonitor<TOptions>(
            services.GetRequiredService<IConfiguration>(), key, options, caller,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Components"), Components));
        return options;
    }

    /// <summary>Registers a job run by <c>--job=NAME</c>; its return value is the exit code.</summary>
    public EgoApplicationBuilder AddJob(string name, Func<JobContext, CancellationToken, Task<int>> job, string description = "")
    {
        Jobs.Add(new EgoJob(name, description, job));
        return this;
    }

    /// <summary>Registers a job that exits 0 when it completes and non-zero when it throws.</summary>
    public EgoApplicationBuilder AddJob(string name, Func<JobContext, CancellationToken, Task> job, string description = "")
        => AddJob(name, async (context, cancellationToken) =>
        {
            await job(context, cancellationToken).ConfigureAwait(false);
            return 0;
        }, description);

    /// <summary>Runs before any server starts; an exception stops the start with a fail-fast block.</summary>
    public EgoApplicationBuilder OnBeforeStart(Func<IServiceProvider, CancellationToken, Task> hook)
    {
        beforeStart.Add(hook);
        return this;
    }

    /// <summary>Runs after every server has stopped, in the <see cref="StopStage.CloseClients"/> stage.</summary>
    public EgoApplicationBuilder OnAfterStop(Func<IServiceProvider, CancellationToken, Task> hook)
        => OnStop(StopStage.CloseClients, hook);

    /// <summary>Runs in <paramref name="stage"/> of the stop, after every server has stopped; hooks of a stage run in the order added.</summary>
    public EgoApplicationBuilder OnStop(StopStage stage, Func<IServiceProvider, CancellationToken, Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "expected StopStage.CloseClients or StopStage.Flush");
        }

        stopHooks.Add((stage, hook));
        return this;
    }

    /// <summary>
    /// Adds middleware at the start of the application's own pipeline, after routing (so the endpoint is known) and
    /// before any middleware the application adds; for extensions such as traffic governance.
    /// </summary>
    public EgoApplicationBuilder ConfigurePipeline(Action<IApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        pipelineStarts.Add(configure);
        return this;
    }

    public EgoApplication Build()
    {
        WebApplication? app = null;
        if (startupError is null)
        {
            try
            {
                app = web.Build();
                foreach (var configure in pipelineStarts)
                {
                    configure(app);
                }
            }
            catch (EgoStartupException exception)
            {
                startupError = exception;
            }
        }

        return new EgoApplication(app, this, startupError, beforeStart, [.. stopHooks]);
    }

    private T? Capture<T>(Func<T> action, string message)
        where T : class
    {
        try
        {
            return action();
        }
        catch (ArgumentException exception)
        {
            startupError ??= new EgoStartupException(message, exception.Message, location: caller);
            return null;
        }
    }

    /// <summary>Config values from <c>EGO__section__key=value</c> variables, keyed by configuration path.</summary>
    private static Dictionary<string, string?> EnvironmentOverrides(IReadOnlyDictionary<string, string?> variables)
    {
        const string prefix = "EGO__";
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                values[name[prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        return values;
    }

    private EgoFileConfigurationProvider? AddConfigFile()
    {
        var source = new EgoFileConfigurationSource { Path = Environment.ConfigPath, Optional = !Environment.ConfigPathExplicit, Watch = Environment.Watch };
        try
        {
            ((IConfigurationBuilder)web.Configuration).Add(source);
        }
        catch (Exception exception) when (exception is FileNotFoundException or FormatException or NotSupportedException or IOException)
        {
            web.Configuration.Sources.Remove(source);
            var message = exception is FileNotFoundException ? "config file not found" : "parse config error";
            startupError ??= new EgoStartupException(message, exception.Message, "--config", caller, "core.econf", exception);
            return null;
        }

        return ((IConfigurationRoot)web.Configuration).Providers.OfType<EgoFileConfigurationProvider>().LastOrDefault();
    }

    private void ConfigureHttpServer()
    {
        if (startupError is not null || !web.Configuration.GetSection(ConfigKey.ToPath(HttpServerOptions.DefaultKey)).Exists())
        {
            web.Services.AddSingleton<IServer, DisabledHttpServer>();
            return;
        }

        try
        {
            var options = ComponentConfiguration.Bind<HttpServerOptions>(web.Configuration, HttpServerOptions.DefaultKey, caller, "server.http").Options;
            Components.Register(HttpServerOptions.DefaultKey, options);
            web.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new Observability.Internal.HttpObservabilityStartupFilter(options));
            var host = options.Host.Length > 0 ? options.Host : Environment.Host;
            web.Services.AddSingleton<IStartupFilter>(new HttpTracingStartupFilter(Environment.TraceIdName));
            web.WebHost.ConfigureKestrel(kestrel =>
            {
                if (host is "0.0.0.0" or "*" or "")
                {
                    kestrel.ListenAnyIP(options.Port);
                }
                else if (host is "localhost")
                {
                    kestrel.ListenLocalhost(options.Port);
                }
                else if (IPAddress.TryParse(host, out var address))
                {
                    kestrel.Listen(address, options.Port);
                }
                else
                {
                    throw new EgoStartupException("invalid config", $"server.http.host: '{host}' is not an IP address or localhost", HttpServerOptions.DefaultKey, caller, "server.http");
                }
            });
        }
        catch (EgoStartupException exception)
        {
            startupError ??= exception;
        }
    }

    private void ConfigureLifetime()
    {
        if (startupError is not null)
        {
            return;
        }

        try
        {
            var options = ComponentConfiguration.Bind<ApplicationOptions>(web.Configuration, ApplicationOptions.DefaultKey, caller, "app").Options;
            Components.Register(ApplicationOptions.DefaultKey, options);
            web.Services.AddSingleton(options);
            web.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.StopTimeout);
        }
        catch (EgoStartupException exception)
        {
            startupError ??= exception;
        }
    }
}
