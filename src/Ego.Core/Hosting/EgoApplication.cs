using System.Runtime.CompilerServices;
using Ego.Build;
using Ego.Components;
using Ego.Configuration;
using Ego.Discovery;
using Ego.FailFast;
using Ego.Hosting.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ego.Hosting;

/// <summary>
/// An Ego.NET application: runs the servers declared in config until SIGTERM or Ctrl-C, or a one-shot
/// command (<c>--help</c>, <c>--version</c>, <c>--dump-config</c>, <c>--job=NAME</c>). Map HTTP endpoints on it
/// as on a <see cref="WebApplication"/>.
/// </summary>
public sealed class EgoApplication : IEndpointRouteBuilder, IApplicationBuilder, IAsyncDisposable
{
    private readonly WebApplication? web;
    private readonly EgoApplicationBuilder builder;
    private readonly EgoStartupException? startupError;
    private readonly IReadOnlyList<Func<IServiceProvider, CancellationToken, Task>> beforeStart;
    private readonly IReadOnlyList<(StopStage Stage, Func<IServiceProvider, CancellationToken, Task> Hook)> stopHooks;
    private readonly List<IEgoServer> startedServers = [];
    private ServiceRegistrar? registrar;
    private int disposed;

    internal EgoApplication(
        WebApplication? web,
        EgoApplicationBuilder builder,
        EgoStartupException? startupError,
        IReadOnlyList<Func<IServiceProvider, CancellationToken, Task>> beforeStart,
        IReadOnlyList<(StopStage Stage, Func<IServiceProvider, CancellationToken, Task> Hook)> stopHooks)
    {
        this.web = web;
        this.builder = builder;
        this.startupError = startupError;
        this.beforeStart = beforeStart;
        this.stopHooks = stopHooks;
    }

    /// <summary>Creates a builder from the command-line arguments and the process environment.</summary>
    public static EgoApplicationBuilder CreateBuilder(string[] args, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        => new(args, new CallerLocation(callerFile, callerLine), environmentVariables: null);

    /// <summary>Creates a builder with explicit environment variables instead of the process's (for tests and tools).</summary>
    public static EgoApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?> environmentVariables, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        => new(args, new CallerLocation(callerFile, callerLine), environmentVariables);

    public EgoEnvironment Environment => builder.Environment;

    public IConfiguration Configuration => builder.Configuration;

    /// <summary>The underlying web application; null when the start already failed.</summary>
    public WebApplication? Web => web;

    /// <summary>Where one-shot commands and the fail-fast block are written; the console by default.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    public TextWriter Error { get; set; } = Console.Error;

    public IServiceProvider Services => RequireWeb().Services;

    IServiceProvider IEndpointRouteBuilder.ServiceProvider => RequireWeb().Services;

    ICollection<EndpointDataSource> IEndpointRouteBuilder.DataSources => ((IEndpointRouteBuilder)RequireWeb()).DataSources;

    IServiceProvider IApplicationBuilder.ApplicationServices
    {
        get => RequireWeb().Services;
        set => throw new NotSupportedException("the application's services are fixed once built");
    }

    IFeatureCollection IApplicationBuilder.ServerFeatures => ((IApplicationBuilder)RequireWeb()).ServerFeatures;

    IDictionary<string, object?> IApplicationBuilder.Properties => ((IApplicationBuilder)RequireWeb()).Properties;

    /// <summary>The addresses of every running server, HTTP first.</summary>
    public IReadOnlyList<string> Addresses => (web?.Urls ?? []).Concat(startedServers.SelectMany(s => s.Addresses)).ToList();

    /// <summary>Runs the application and returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (startupError is not null || web is null)
        {
            return Fail(startupError ?? new EgoStartupException("start failed", "the application could not be built"));
        }

        try
        {
            if (builder.CommandLine.ShowHelp)
            {
                await Output.WriteAsync(HelpText.Format(Environment.AppName, builder.Jobs.Jobs)).ConfigureAwait(false);
                return 0;
            }

            if (builder.CommandLine.ShowVersion)
            {
                await Output.WriteAsync(VersionReport.Format(builder.BuildInfo, Environment)).ConfigureAwait(false);
                return 0;
            }

            if (builder.CommandLine.DumpConfig)
            {
                await Output.WriteLineAsync(ConfigurationDump.ToJson(Configuration, builder.Components)).ConfigureAwait(false);
                return 0;
            }

            AttachConfigLogger();
            return builder.CommandLine.Job is { } job
                ? await RunJobAsync(job, cancellationToken).ConfigureAwait(false)
                : await RunServersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EgoStartupException exception)
        {
            return Fail(exception);
        }
        finally
        {
            // Like WebApplication.RunAsync: the run is terminal, and disposing flushes the log queues.
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts every server without waiting for shutdown (for tests and embedding).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (startupError is not null)
        {
            throw startupError;
        }

        var app = RequireWeb();
        AttachConfigLogger();
        foreach (var hook in beforeStart)
        {
            await hook(app.Services, cancellationToken).ConfigureAwait(false);
        }

        // Built before any server starts, so a registry's config error fails the start with nothing to undo.
        registrar = new ServiceRegistrar([.. app.Services.GetServices<IServiceRegistry>()], Configuration, Logger);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        // The governor starts last, once what it reports on is up, and stops last (see StopAsync).
        foreach (var server in app.Services.GetServices<IEgoServer>().OrderBy(s => IsGovernor(s) ? 1 : 0))
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            startedServers.Add(server);
        }

        var readiness = app.Services.GetRequiredService<ApplicationReadiness>();
        app.Lifetime.ApplicationStopping.Register(static state => ((ApplicationReadiness)state!).Set(false), readiness);
        readiness.Set(true);
        app.Services.GetRequiredService<ApplicationLifecycle>().Advance(ApplicationStage.Ready);
        HostingLog.Started(Logger, Environment.AppName, string.Join(", ", Addresses));

        // Registries learn of the servers once they serve, and forget them as soon as stopping begins (StopCoreAsync).
        var mainHttp = app.Services.GetService<IServer>() is DisabledHttpServer ? [] : app.Urls.Select(url => ("server.http", "http", url));
        await registrar.RegisterAsync(Environment, mainHttp.Concat(startedServers.SelectMany(s => s.Addresses.Select(a => (s.Name, s.Kind, a)))), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops gracefully: readiness off, <c>app.drainDelay</c> of serving while load balancers notice, then new calls
    /// refused while in-flight calls get up to <c>app.stopTimeout</c>; the servers stop (last started first, the
    /// governor last), then the <see cref="StopStage.CloseClients"/> and <see cref="StopStage.Flush"/> hooks run.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopCoreAsync(drain: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        builder.ConfigFile?.Dispose();
        if (web is not null)
        {
            await web.DisposeAsync().ConfigureAwait(false);
        }
    }

    public RequestDelegate Build() => ((IApplicationBuilder)RequireWeb()).Build();

    public IApplicationBuilder New() => ((IApplicationBuilder)RequireWeb()).New();

    public IApplicationBuilder Use(Func<RequestDelegate, RequestDelegate> middleware) => RequireWeb().Use(middleware);

    IApplicationBuilder IEndpointRouteBuilder.CreateApplicationBuilder() => ((IEndpointRouteBuilder)RequireWeb()).CreateApplicationBuilder();

    private ILogger Logger => RequireWeb().Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Hosting");

    private async Task<int> RunServersAsync(CancellationToken cancellationToken)
    {
        var app = RequireWeb();
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not EgoStartupException and not OperationCanceledException)
        {
            // Whatever failed to start is reported like any start-up error; what did start is stopped first.
            await StopQuietlyAsync().ConfigureAwait(false);
            throw new EgoStartupException("start failed", $"{exception.GetType().Name}: {exception.Message}", innerException: exception);
        }

        try
        {
            // Not WaitForShutdownAsync: it stops the web host at once, before the drain.
            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var onSignal = app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            using var onCancel = cancellationToken.Register(() => stopping.TrySetResult());
            await stopping.Task.ConfigureAwait(false);
        }
        finally
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }

    private static bool IsGovernor(IEgoServer server) => server.Kind == "governor";

    private async Task StopCoreAsync(bool drain, CancellationToken cancellationToken)
    {
        var app = RequireWeb();
        var options = app.Services.GetRequiredService<ApplicationOptions>();
        var lifecycle = app.Services.GetRequiredService<ApplicationLifecycle>();
        var logger = Logger;
        var wasReady = lifecycle.Stage == ApplicationStage.Ready;
        lifecycle.Advance(ApplicationStage.Draining);
        app.Services.GetRequiredService<ApplicationReadiness>().Set(false);
        if (Interlocked.Exchange(ref registrar, null) is { } registered)
        {
            await registered.DeregisterAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // Without a listening server there is no traffic to drain.
        var serving = startedServers.Count > 0 || app.Services.GetService<IServer>() is not DisabledHttpServer;
        if (drain && wasReady && serving)
        {
            HostingLog.Draining(logger, Environment.AppName, options.DrainDelay);
            if (options.DrainDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.DrainDelay, app.Services.GetRequiredService<TimeProvider>(), cancellationToken).ConfigureAwait(false);
            }
        }

        lifecycle.Advance(ApplicationStage.Stopping);
        HostingLog.RefusingNewCalls(logger, Environment.AppName, options.StopTimeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.StopTimeout);
        var servers = startedServers.AsEnumerable().Reverse().ToList();
        startedServers.Clear();
        foreach (var server in servers.Where(s => !IsGovernor(s)))
        {
            await server.StopAsync(deadline.Token).ConfigureAwait(false);
        }

        await WaitForHttpRequestsAsync(lifecycle, logger, deadline.Token).ConfigureAwait(false);
        await app.StopAsync(deadline.Token).ConfigureAwait(false);
        foreach (var server in servers.Where(IsGovernor))
        {
            await server.StopAsync(deadline.Token).ConfigureAwait(false);
        }

        foreach (var stage in Enum.GetValues<StopStage>())
        {
            HostingLog.StopStageStarting(logger, Environment.AppName, stage);
            foreach (var (_, hook) in stopHooks.Where(h => h.Stage == stage))
            {
                await hook(app.Services, CancellationToken.None).ConfigureAwait(false);
            }
        }

        lifecycle.Advance(ApplicationStage.Stopped);
        HostingLog.Stopped(logger, Environment.AppName);
    }

    /// <summary>Lets requests on the main port finish while new ones get 503, before Kestrel closes its connections.</summary>
    private static async Task WaitForHttpRequestsAsync(ApplicationLifecycle lifecycle, ILogger logger, CancellationToken deadline)
    {
        try
        {
            await lifecycle.WhenHttpIdleAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            HostingLog.HttpRequestsCut(logger, lifecycle.InFlightHttpRequests);
        }
    }

    private async Task StopQuietlyAsync()
    {
        try
        {
            await StopCoreAsync(drain: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            HostingLog.StopFailed(Logger, exception);
        }
    }

    private async Task<int> RunJobAsync(string name, CancellationToken cancellationToken)
    {
        if (!builder.Jobs.TryGet(name, out var job))
        {
            var known = builder.Jobs.Jobs.Select(j => j.Name).Order(StringComparer.Ordinal).ToList();
            await Error.WriteLineAsync($"unknown job '{name}'; registered jobs: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}").ConfigureAwait(false);
            return 2;
        }

        var app = RequireWeb();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Job");
        foreach (var hook in beforeStart)
        {
            await hook(app.Services, cancellationToken).ConfigureAwait(false);
        }

        HostingLog.JobStarting(logger, name);
        try
        {
            var code = await job.Run(new JobContext(name, app.Services, Configuration, logger, builder.CommandLine.Remaining), cancellationToken).ConfigureAwait(false);
            HostingLog.JobFinished(logger, name, code);
            return code;
        }
        catch (Exception exception) when (exception is not EgoStartupException)
        {
            HostingLog.JobFailed(logger, name, exception);
            return Fail(new EgoStartupException("job failed", $"{exception.GetType().Name}: {exception.Message}", "--job=" + name, innerException: exception));
        }
    }

    private void AttachConfigLogger()
    {
        foreach (var key in builder.UnknownKeys)
        {
            HostingLog.UnknownConfigKey(Logger, key);
        }

        if (builder.ConfigFile is not { } file)
        {
            return;
        }

        file.Logger = RequireWeb().Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Configuration");
        if (file.FileMissing)
        {
            HostingLog.DefaultConfigMissing(Logger, file.Path);
        }
    }

    private int Fail(EgoStartupException exception)
    {
        var colour = !Console.IsErrorRedirected && ReferenceEquals(Error, Console.Error);
        Error.Write(FailFastReport.Format(exception, colour, Environment.Debug));
        Error.Flush();
        return 1;
    }

    private WebApplication RequireWeb()
        => web ?? throw (Exception?)startupError ?? new InvalidOperationException("the application failed to build");
}
