using System.Collections.Concurrent;
using Ego.Hosting;
using Ego.Logging.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ego.Logging;

/// <summary>
/// Writes logs as EGO does: categories of the framework (<c>Ego</c>, <c>Ego.*</c>) go to the <c>logger.ego</c>
/// logger (file <c>ego.sys</c>), all others to <c>logger.default</c> (file <c>default.log</c>).
/// Levels follow configuration reloads; the rest of the settings are read once.
/// </summary>
[ProviderAlias("Ego")]
public sealed class EgoLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    /// <summary>Configuration section of the framework logger.</summary>
    public const string FrameworkSection = "logger.ego";

    /// <summary>Configuration section of the business logger.</summary>
    public const string BusinessSection = "logger.default";

    /// <summary>Default file name of the framework logger, as EGO's.</summary>
    public const string FrameworkFileName = "ego.sys";

    /// <summary>Default file name of the business logger, as EGO's.</summary>
    public const string BusinessFileName = "default.log";

    private readonly IConfiguration _configuration;
    private readonly LogSink _framework;
    private readonly LogSink _business;
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
    private readonly IDisposable _reload;
    private readonly ILogger _self;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    internal EgoLoggerProvider(IConfiguration configuration, EgoEnvironment environment, TimeProvider time, ConsoleStreams console)
    {
        _configuration = configuration;
        var errors = new List<string>();
        var framework = Resolve(configuration, environment, FrameworkSection, FrameworkFileName, errors);
        var business = Resolve(configuration, environment, BusinessSection, BusinessFileName, errors);
        if (framework.Writer == LogWriterKind.File && business.Writer == LogWriterKind.File
            && string.Equals(Path.GetFullPath(framework.FilePath), Path.GetFullPath(business.FilePath), StringComparison.Ordinal))
        {
            errors.Add($"{BusinessSection}.name: '{business.FilePath}' is also the file of {FrameworkSection}; give each logger its own file");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("logger", typeof(EgoLoggerOptions), errors);
        }

        _framework = LogSinkFactory.Create(framework, time, console);
        _business = LogSinkFactory.Create(business, time, console);
        _self = CreateLogger("Ego.Logging");
        _reload = ChangeToken.OnChange(configuration.GetReloadToken, ReloadLevels);
    }

    /// <summary>Lines dropped by both loggers because their async queue was full.</summary>
    public long DroppedCount => _framework.Dropped + _business.Dropped;

    /// <summary>Current minimum level of the framework logger.</summary>
    public LogLevel FrameworkLevel => _framework.Level;

    /// <summary>Current minimum level of the business logger.</summary>
    public LogLevel BusinessLevel => _business.Level;

    /// <summary>Builds the provider without dependency injection, e.g. for tests or tools.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; every problem is listed, naming its key.</exception>
    public static EgoLoggerProvider Create(IConfiguration configuration, EgoEnvironment environment, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return new EgoLoggerProvider(configuration, environment, timeProvider ?? TimeProvider.System, ConsoleStreams.System);
    }

    /// <summary>True for categories that belong to the framework logger.</summary>
    public static bool IsFrameworkCategory(string category) =>
        category.StartsWith("Ego", StringComparison.Ordinal) && (category.Length == 3 || category[3] == '.');

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, p) =>
            new EgoLogger(name, IsFrameworkCategory(name) ? p._framework : p._business, p.Scopes), this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Stops both loggers, writing what is queued (waiting a bounded time) and closing files.</summary>
    public void Dispose()
    {
        _reload.Dispose();
        _framework.Dispose();
        _business.Dispose();
    }

    internal LogSink Framework => _framework;

    internal LogSink Business => _business;

    private IExternalScopeProvider Scopes() => _scopes;

    private static LoggerSettings Resolve(IConfiguration configuration, EgoEnvironment environment, string key, string defaultName, List<string> errors)
    {
        var options = new EgoLoggerOptions();
        configuration.GetSection(ConfigPath(key)).Bind(options);
        return LoggerSettings.Resolve(key, options, environment, defaultName, errors);
    }

    private static string ConfigPath(string key) => key.Replace('.', ':');

    private void ReloadLevels()
    {
        Reload(_framework);
        Reload(_business);
    }

    private void Reload(LogSink sink)
    {
        var key = sink.Settings.Key;
        var text = _configuration[ConfigPath(key) + ":level"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (!EgoLevel.TryParse(text, out var level))
        {
            EgoLoggingLog.LevelRejected(_self, EgoLevel.Invalid(key + ".level", text), EgoLevel.JsonName(sink.Level));
            return;
        }

        if (level != sink.Level)
        {
            sink.Level = level;
            EgoLoggingLog.LevelUpdated(_self, key, text.Trim().ToLowerInvariant());
        }
    }
}
